/** @module search_notes(query) */
import { z } from 'zod';
import { defineTool } from './define.js';

export const searchNotes = defineTool({
  name: 'search_notes',
  title: 'Search the wiki',
  description:
    'Full-text keyword search across all pages (ranked, ' +
    'typo-tolerant, prefix matches). Returns up to 20 pages with a ' +
    'score (1.00 for the best match, the others relative to it) and an excerpt each.',
  inputSchema: { query: z.string().min(1).describe('Keywords to search for') },
  outputSchema: {
    query: z.string(),
    results: z.array(z.object({ name: z.string(), path: z.string(), score: z.number(), snippet: z.string() })),
    total: z.number(),
  },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ query }, { wiki }) {
    const hits = await wiki.search(query, { limit: 20 });
    const best = Math.max(...hits.map((h) => h.score), Number.MIN_VALUE);
    const results = hits.map((h) => ({
      name: h.title,
      path: h.path,
      score: Math.round((h.score / best) * 100) / 100,
      snippet: h.snippet.replace(/\s+/g, ' ').trim(),
    }));
    const header = `${results.length} results for "${query}":`;
    const rows = results.map(
      (r, i) => `${i + 1}. ${r.path} (score: ${r.score.toFixed(2)})${r.snippet ? `\n   ${r.snippet}` : ''}`,
    );
    return {
      text: rows.length > 0 ? `${header}\n\n${rows.join('\n\n')}` : header,
      structured: { query, results, total: results.length },
    };
  },
});
