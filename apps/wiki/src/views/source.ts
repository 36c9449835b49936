/**
 * @module A page's Markdown source as stored (An Otter Wiki's `/<Page>/source`), escaped in a `<pre>`, with a link
 * to the same text as text/plain.
 */
import type { Page } from '@wikibot/wiki-core';
import { html, type SafeHtml } from './html.js';
import { layout, type Viewer } from './layout.js';
import { pageHref } from './urls.js';

/** `/<Page>/source`; `atRevision` when an old revision is shown. */
export function sourcePage(options: { page: Page; viewer: Viewer; atRevision?: string }): SafeHtml {
  const { page, atRevision } = options;
  const query = atRevision ? `?revision=${encodeURIComponent(page.revision)}&raw` : '?raw';
  const at = atRevision ? html` at revision <code>${page.revision.slice(0, 8)}</code>` : '';
  const body = html`<p class="meta">Markdown source${at} · <a href="${pageHref(page.path, `/source${query}`)}">as plain text</a></p>
<pre class="source" tabindex="0" aria-label="Markdown source of ${page.path}">${page.content}</pre>`;
  return layout({ title: `Source of ${page.path}`, viewer: options.viewer, body, page: { path: page.path } });
}
