/** @module semantic_search(query, n = 5, max_chunks_per_page = 2), as otterwiki-mcp names and formats it. */
import type { SemanticSearchResult } from '@wikibot/wiki-core';
import { z } from 'zod';
import { clampLimit, defineTool } from './define.js';

export const semanticSearch = defineTool({
  name: 'semantic_search',
  title: 'Search the wiki by meaning',
  description:
    'Semantic similarity search: finds the page sections closest in meaning to the query, even when they use ' +
    'other words. Each result has its page, section and a cosine distance (lower is closer; above ~0.9 is ' +
    'unrelated). When the embedding model is unavailable, keyword results are returned with a note.',
  inputSchema: {
    query: z.string().min(1).describe('Natural language description of what you are looking for'),
    n: z.number().int().optional().describe('Number of results to return (1-50, default 5)'),
    max_chunks_per_page: z
      .number()
      .int()
      .optional()
      .describe('Maximum number of chunks to return per page (1-10, default 2)'),
  },
  outputSchema: {
    query: z.string(),
    mode: z.enum(['semantic', 'hybrid', 'lexical']),
    note: z.string().optional(),
    results: z.array(
      z.object({
        name: z.string(),
        path: z.string(),
        section_path: z.string(),
        text: z.string(),
        distance: z.number().optional(),
        score: z.number().optional(),
        chunk_index: z.number().optional(),
        total_chunks: z.number().optional(),
        page_word_count: z.number().optional(),
      }),
    ),
    total: z.number(),
  },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ query, n, max_chunks_per_page }, { wiki }) {
    // Out-of-range values are clamped, as otterwiki-mcp does, rather than refused.
    const found = await wiki.semanticSearch(query, {
      n: clampLimit(n, 5, 50),
      maxChunksPerPage: clampLimit(max_chunks_per_page, 2, 10),
    });
    const results = found.results.map((r) => ({
      name: r.title,
      path: r.path,
      section_path: r.sectionPath,
      text: r.text,
      ...(r.distance === undefined ? { score: r.score } : { distance: r.distance }),
      chunk_index: r.chunkIndex,
      total_chunks: r.totalChunks,
      page_word_count: r.pageWordCount,
    }));
    const structured = {
      query: found.query,
      mode: found.mode,
      ...(found.note ? { note: found.note } : {}),
      results,
      total: results.length,
    };
    return { text: formatSemanticResults(found), structured };
  },
});

/**
 * The peer's layout: a header, then per result `N. <path> (distance: 0.34) [k/m] — W words`, a `Section:` line,
 * and the chunk's text. Keyword fallback results show their score instead of a distance, after the note.
 */
export function formatSemanticResults(found: SemanticSearchResult): string {
  const lines = [`${found.results.length} results for ${JSON.stringify(found.query)}:`];
  if (found.note) lines.push(`Note: ${found.note}`);
  found.results.forEach((r, i) => {
    const measure =
      r.distance !== undefined
        ? `distance: ${r.distance.toFixed(2)}`
        : `keyword match, score: ${(r.score ?? 0).toFixed(2)}`;
    let title = `${i + 1}. ${r.path} (${measure})`;
    if (r.chunkIndex !== undefined && r.totalChunks !== undefined) title += ` [${r.chunkIndex + 1}/${r.totalChunks}]`;
    if (r.pageWordCount !== undefined) title += ` \u2014 ${r.pageWordCount} words`;
    lines.push('', title);
    if (r.sectionPath) lines.push(`   Section: ${r.sectionPath}`);
    if (r.text) lines.push(`   ${r.text.replace(/\s+/g, ' ').trim()}`);
  });
  return lines.join('\n');
}
