/** @module search_notes(query) */
import { z } from 'zod';
import { defineTool } from './define.js';

export const searchNotes = defineTool({
  name: 'search_notes',
  title: 'Search the wiki',
  description: 'Full-text keyword search across all pages; returns the best matches with a short excerpt each.',
  inputSchema: { query: z.string().min(1).describe('Keywords to search for') },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ query }, { wiki }) {
    const hits = await wiki.search(query, { limit: 20 });
    if (hits.length === 0) return `No pages match ${JSON.stringify(query)}. Try other keywords, or list_notes.`;
    const rows = hits.map((h) => `- ${h.path} — ${h.title}\n  ${h.snippet.replace(/\s+/g, ' ').trim()}`);
    return `${hits.length} result${hits.length === 1 ? '' : 's'} for ${JSON.stringify(query)}:\n${rows.join('\n')}`;
  },
});
