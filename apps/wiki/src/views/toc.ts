/**
 * @module A page's table of contents (An Otter Wiki's "On this page"): its headings in order, linked by the ids the
 * renderer gave them, indented by level. Shown from two headings on; at most {@link MAX_TOC_ENTRIES}.
 */
import type { TocEntry } from '@wikibot/wiki-render';
import { html, type SafeHtml } from './html.js';

/** The most headings a table of contents lists (a page of thousands of headings stays light). */
export const MAX_TOC_ENTRIES = 200;

/** The table of contents, or nothing for a page with fewer than two headings. */
export function tableOfContents(toc: readonly TocEntry[]): SafeHtml {
  if (toc.length < 2) return html``;
  const top = Math.min(...toc.map((t) => t.level));
  const items = toc
    .slice(0, MAX_TOC_ENTRIES)
    .map((t) => html`<li class="toc-${Math.min(t.level - top, 3)}"><a href="#${t.id}">${t.text}</a></li>`);
  return html`<nav class="toc" aria-label="On this page"><details class="panel" open><summary>On this page</summary><ul>${items}</ul></details></nav>`;
}
