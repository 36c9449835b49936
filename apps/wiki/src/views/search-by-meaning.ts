/**
 * @module The search page's second column: pages related by meaning (semantic search), beside the keyword matches.
 * When semantic search is configured but cannot answer (model unreachable, vectors still being built), the page
 * shows the keyword matches alone with a short note instead — never an error.
 */
import type { SemanticHit } from '@wikibot/wiki-core';
import { html, type SafeHtml } from './html.js';
import { pageHref } from './urls.js';

/** What the search page knows about search by meaning for one query. */
export type MeaningResults =
  | { readonly kind: 'results'; readonly hits: readonly SemanticHit[] }
  | { readonly kind: 'unavailable'; readonly note: string };

/** The note shown when search by meaning could not answer (the keyword matches are still shown). */
export const MEANING_UNAVAILABLE = 'Search by meaning is unavailable right now; showing keyword matches only.';

/** One result: the page, the section that matched, its opening words and the cosine distance. */
function meaningHit(hit: SemanticHit): SafeHtml {
  const where = hit.sectionPath ? html` <span class="meta">${hit.path} › ${hit.sectionPath}</span>` : '';
  const distance =
    hit.distance === undefined ? '' : html` <span class="meta">distance ${hit.distance.toFixed(2)}</span>`;
  return html`<li><a href="${pageHref(hit.path)}">${hit.title}</a>${where}<p class="snippet">${hit.snippet}</p>${distance}</li>`;
}

/**
 * Lays out the keyword results (`keyword`, already rendered) and the results by meaning side by side (stacked on
 * narrow screens); without semantic search configured, the keyword results alone, as before.
 */
export function searchColumns(keyword: SafeHtml | string, meaning: MeaningResults | null): SafeHtml | string {
  if (meaning === null) return keyword;
  if (meaning.kind === 'unavailable') return html`<p class="meta" role="status">${meaning.note}</p>${keyword}`;
  const related = meaning.hits.length
    ? html`<ol class="results">${meaning.hits.map(meaningHit)}</ol>`
    : html`<p>No page is close in meaning.</p>`;
  return html`<div class="search-columns"><section aria-labelledby="keyword-matches"><h2 id="keyword-matches">Keyword matches</h2>${keyword}</section><section aria-labelledby="related-by-meaning"><h2 id="related-by-meaning">Related by meaning</h2>${related}</section></div>`;
}
