/**
 * @module A page as read: rendered Markdown, its category and tags, and when and by whom it last changed.
 */
import type { PageHead } from '@wikibot/wiki-core';
import { html, timeTag, type SafeHtml } from './html.js';
import { pageHref, siteHref } from './urls.js';
import { layout, type Viewer } from './layout.js';

/** What the view shows of a page besides its rendered text: `readPage`'s page or `readPageHead`'s head. */
type ShownPage = Pick<PageHead, 'path' | 'title' | 'category' | 'tags' | 'revision' | 'updated' | 'author'>;

/**
 * Links to the page's other actions: source and blame, and attachments/rename/delete now or revert at an old revision.
 */
function moreActions(page: ShownPage, atRevision: string | undefined): SafeHtml {
  const revision = encodeURIComponent(page.revision);
  const links = atRevision
    ? html`<a href="${pageHref(page.path, `/source?revision=${revision}`)}">Source</a> · <a href="${pageHref(page.path, `/blame?revision=${revision}`)}">Blame</a> · <a href="${pageHref(page.path, `/revert/${revision}`)}">Revert to this revision</a>`
    : html`<a href="${pageHref(page.path, '/source')}">Source</a> · <a href="${pageHref(page.path, '/blame')}">Blame</a> · <a href="${pageHref(page.path, '/attachments')}">Attachments</a> · <a href="${pageHref(page.path, '/rename')}">Rename</a> · <a href="${pageHref(page.path, '/delete')}">Delete</a>`;
  return html`<nav class="meta" aria-label="More page actions">${links}</nav>`;
}

/**
 * Renders a page; `rendered` is the Markdown renderer's output, `ownHeading` whether the text opens with its own
 * level-1 heading (then no title is shown above it); `atRevision` marks an old revision.
 */
export function pageView(options: {
  page: ShownPage;
  rendered: SafeHtml;
  ownHeading: boolean;
  viewer: Viewer;
  atRevision?: string;
  sidebar?: SafeHtml;
}): SafeHtml {
  const { page, rendered, viewer, atRevision } = options;
  const old = atRevision
    ? html`<div class="notice warn"><p>You are viewing revision <code>${page.revision.slice(0, 8)}</code> of this page from ${timeTag(page.updated)}.
<a href="${pageHref(page.path)}">See the current version</a> or <a href="${pageHref(page.path, `/diff?from=${encodeURIComponent(page.revision)}`)}">what changed since</a>.</p></div>`
    : '';
  const tags = page.tags.length
    ? html` · tags: ${page.tags.map((t, i) => html`${i ? ', ' : ''}<a href="${siteHref('index', { tag: t })}">${t}</a>`)}`
    : '';
  const category = page.category
    ? html` · category: <a href="${siteHref('index', { category: page.category })}">${page.category}</a>`
    : '';
  const body = html`${old}<article class="content">${rendered}</article>
<p class="meta">Last changed ${timeTag(page.updated)} by ${page.author.name} · <a href="${pageHref(page.path, `/revision/${page.revision}`)}"><code>${page.revision.slice(0, 8)}</code></a>${category}${tags}</p>
${moreActions(page, atRevision)}`;
  return layout({
    title: page.title,
    viewer,
    body,
    page: { path: page.path, tab: atRevision ? undefined : 'view' },
    showTitle: !options.ownHeading,
    sidebar: options.sidebar,
  });
}
