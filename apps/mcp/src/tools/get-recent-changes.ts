/** @module get_recent_changes(limit = 20) */
import { z } from 'zod';
import { clampLimit, defineTool, revisionEntry, revisionShape } from './define.js';

export const getRecentChanges = defineTool({
  name: 'get_recent_changes',
  title: 'Recent changes',
  description:
    "The wiki's latest commits across all pages, newest first, with authors, the pages changed and revision ids.",
  inputSchema: { limit: z.number().int().optional().describe('Maximum entries to return (default 20, at most 200)') },
  outputSchema: {
    entries: z.array(z.object({ ...revisionShape, pages_affected: z.array(z.string()) })),
    total: z.number(),
  },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ limit }, { wiki }) {
    const revisions = await wiki.changelog({ limit: clampLimit(limit, 20) });
    const entries = revisions.map((r) => ({ ...revisionEntry(r), pages_affected: [...r.paths] }));
    const rows = entries.map(
      (e) =>
        `- ${e.date} | ${e.author} | ${e.pages_affected.join(', ')} | ` +
        `${e.revision}${e.message ? `\n  ${e.message.split('\n')[0]}` : ''}`,
    );
    const header = `${entries.length} recent changes:`;
    return {
      text: rows.length > 0 ? `${header}\n\n${rows.join('\n')}` : header,
      structured: { entries, total: entries.length },
    };
  },
});
