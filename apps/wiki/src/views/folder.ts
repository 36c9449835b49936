/**
 * @module A folder URL (`/Projects` when there is no page `Projects` but pages under `Projects/`): the list of
 * its sub-pages, as An Otter Wiki shows a page index there instead of "page not found".
 */
import type { PageSummary } from '@wikibot/wiki-core';
import { html, type SafeHtml } from './html.js';
import { pageHref } from './urls.js';
import { layout, type Viewer } from './layout.js';

/** `/<Folder>`: every page under `folder/`, named relative to it, with a link to create the folder's own page. */
export function folderPage(options: {
  folder: string;
  pages: readonly PageSummary[];
  viewer: Viewer;
  sidebar?: SafeHtml;
}): SafeHtml {
  const { folder, pages } = options;
  const rows = pages.map((p) => {
    const name = p.path.slice(folder.length + 1);
    const title = p.title !== name.split('/').pop() ? html` <span class="meta">${p.title}</span>` : '';
    return html`<li><a href="${pageHref(p.path)}">${name}</a>${title}</li>`;
  });
  const body = html`<p class="meta">${pages.length} page${pages.length === 1 ? '' : 's'} under ${folder}/.
There is no page called ${folder} itself; <a href="${pageHref(folder, '/edit')}">create it</a>.</p>
<ul class="folder">${rows}</ul>`;
  return layout({
    title: `Index of ${folder}`,
    viewer: options.viewer,
    body,
    returnTo: pageHref(folder),
    sidebar: options.sidebar,
  });
}
