/**
 * @module Pages that explain something went differently than asked: not found (with an offer to create
 * the page), refused (naming whom to ask), and the generic status page used for every other error.
 */
import { html, type SafeHtml } from './html.js';
import { pageHref, siteHref } from './urls.js';
import { layout, type Viewer } from './layout.js';

/** A plain page with a title and a message (errors, refusals, notices). */
export function messagePage(options: {
  title: string;
  message: string;
  viewer: Viewer;
  requestId?: string;
  extra?: SafeHtml;
}): SafeHtml {
  const body = html`<div class="notice warn"><p>${options.message}</p>${options.extra ?? ''}${
    options.requestId ? html`<p class="meta">Request id: <code>${options.requestId}</code></p>` : ''
  }</div><p><a href="/Home">Go to the Home page</a></p>`;
  return layout({ title: options.title, viewer: options.viewer, body });
}

/** The 404 page of a missing page: offers to create it; `sidebar` is the page tree, open at where it would be. */
export function pageNotFound(path: string, viewer: Viewer, sidebar?: SafeHtml): SafeHtml {
  const body = html`<div class="notice"><p>There is no page called <strong>${path}</strong> yet.</p>
<p><a class="button" href="${pageHref(path, '/edit')}">Create ${path}</a></p>
<p class="meta">Or <a href="${siteHref('search', { q: path })}">search for “${path}”</a>.</p></div>`;
  return layout({ title: path, viewer, body, returnTo: pageHref(path, '/edit'), sidebar });
}
