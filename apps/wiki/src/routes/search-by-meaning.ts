/**
 * @module The search page's results by meaning: wiki-core's semantic search when the wiki has an embedding model
 * (BEDROCK_* set), one chunk per page. A model that cannot answer — wiki-core then falls back to keyword results, or
 * in the worst case throws — becomes a note beside the keyword matches, never an error page.
 */
import type { RequestContext } from '../context.js';
import { MEANING_UNAVAILABLE, type MeaningResults } from '../views/search-by-meaning.js';

/** Pages shown by meaning: a short second column, not a second full result list. */
const MEANING_RESULTS = 8;

/** Results by meaning for `query`; null when semantic search is not configured (the page then shows keywords only). */
export async function searchByMeaning(ctx: RequestContext, query: string): Promise<MeaningResults | null> {
  if (!ctx.deps.config.embeddings) return null;
  try {
    const found = await ctx.deps.wiki.semanticSearch(query, { n: MEANING_RESULTS, maxChunksPerPage: 1 });
    if (found.mode === 'lexical') return { kind: 'unavailable', note: found.note ?? MEANING_UNAVAILABLE };
    return { kind: 'results', hits: found.results };
  } catch {
    return { kind: 'unavailable', note: MEANING_UNAVAILABLE };
  }
}
