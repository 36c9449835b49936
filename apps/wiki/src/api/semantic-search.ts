/**
 * @module `GET /api/v1/semantic-search?q=&n=5&max_chunks_per_page=2`, the otterwiki-semantic-search plugin's endpoint
 * (the one otterwiki-mcp's client calls): `{query, results: [{name, path, text, snippet, distance, section,
 * section_path, chunk_index, total_chunks, page_word_count}], total}`. Added: `mode` and, when results are keyword
 * matches because semantic search could not answer, `note` (and `score` instead of `distance` on those results).
 */
import type { WikiApi } from '@wikibot/wiki-core';
import { HttpError } from '../http/http-error.js';
import { jsonResponse } from '../http/responses.js';

/** An integer parameter, clamped to 1..max as the peer does; a non-number falls back to the default, as there. */
function intParam(url: URL, name: string, fallback: number, max: number): number {
  const n = Number.parseInt(url.searchParams.get(name) ?? '', 10);
  return Number.isNaN(n) ? fallback : Math.max(1, Math.min(max, n));
}

/** Answers a semantic search request (authorization is the caller's). */
export async function semanticSearchResponse(wiki: WikiApi, url: URL): Promise<Response> {
  const query = (url.searchParams.get('q') ?? '').trim();
  if (!query) throw new HttpError(422, 'invalid_query', 'Missing required parameter: q');
  const mode = url.searchParams.get('mode') ?? 'semantic';
  if (mode !== 'semantic' && mode !== 'hybrid')
    throw new HttpError(400, 'invalid_mode', '"mode" must be "semantic" or "hybrid".');
  const found = await wiki.semanticSearch(query.slice(0, 2000), {
    n: intParam(url, 'n', 5, 50),
    maxChunksPerPage: intParam(url, 'max_chunks_per_page', 2, 10),
    mode,
  });
  const results = found.results.map((r) => ({
    name: r.title,
    path: r.path,
    text: r.text,
    snippet: r.snippet,
    ...(r.distance !== undefined ? { distance: r.distance } : { score: r.score }),
    section: r.section || null,
    section_path: r.sectionPath || null,
    chunk_index: r.chunkIndex ?? null,
    total_chunks: r.totalChunks ?? null,
    page_word_count: r.pageWordCount ?? null,
  }));
  return jsonResponse({
    query,
    mode: found.mode,
    results,
    total: results.length,
    ...(found.note ? { note: found.note } : {}),
  });
}
