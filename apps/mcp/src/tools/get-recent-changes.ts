/** @module get_recent_changes(limit?) */
import { z } from 'zod';
import { clampLimit, defineTool, formatRevisions } from './define.js';

export const getRecentChanges = defineTool({
  name: 'get_recent_changes',
  title: 'Recent changes',
  description: 'The wiki\'s latest commits across all pages, newest first, with revision ids, authors and the pages changed.',
  inputSchema: { limit: z.number().int().optional().describe('Maximum entries to return (default 20, at most 200)') },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ limit }, { wiki }) {
    const revisions = await wiki.changelog({ limit: clampLimit(limit, 20) });
    if (revisions.length === 0) return 'No changes yet.';
    return `Recent changes (${revisions.length}, newest first):\n${formatRevisions(revisions, true)}`;
  },
});
