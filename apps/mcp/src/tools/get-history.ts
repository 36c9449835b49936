/** @module get_history(path, limit?) */
import { z } from 'zod';
import { clampLimit, defineTool, formatRevisions } from './define.js';

export const getHistory = defineTool({
  name: 'get_history',
  title: 'Revision history of a page',
  description: 'List a page\'s revisions, newest first, each with its revision id (use it with read_note(path, revision)).',
  inputSchema: {
    path: z.string().describe('Page path, e.g. "Projects/Roadmap"'),
    limit: z.number().int().optional().describe('Maximum revisions to return (default 10, at most 200)'),
  },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ path, limit }, { wiki }) {
    const revisions = await wiki.history(path, { limit: clampLimit(limit, 10) });
    if (revisions.length === 0) return `"${path}" has no history.`;
    return `History of "${path}" (${revisions.length} revision${revisions.length === 1 ? '' : 's'}, newest first):\n${formatRevisions(revisions, false)}`;
  },
});
