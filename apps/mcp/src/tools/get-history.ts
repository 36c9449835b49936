/** @module get_history(path, limit = 10) */
import { z } from 'zod';
import { clampLimit, defineTool, pathArg, revisionEntry, revisionShape } from './define.js';

export const getHistory = defineTool({
  name: 'get_history',
  title: 'Revision history of a page',
  description:
    "List a page's revisions, newest first, each with its full revision id (use it with read_note(path, revision)).",
  inputSchema: {
    path: pathArg(),
    limit: z.number().int().optional().describe('Maximum revisions to return (default 10, at most 200)'),
  },
  outputSchema: { path: z.string(), history: z.array(z.object(revisionShape)) },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ path, limit }, { wiki }) {
    const revisions = await wiki.history(path, { limit: clampLimit(limit, 10) });
    const history = revisions.map(revisionEntry);
    const rows = history.map(
      (r) => `- ${r.revision} | ${r.date} | ${r.author}${r.message ? `\n  ${r.message.split('\n')[0]}` : ''}`,
    );
    const text =
      rows.length === 0
        ? `No history for ${path}.`
        : `History for ${path} (${rows.length} revisions):\n\n${rows.join('\n')}`;
    return { text, structured: { path, history } };
  },
});
