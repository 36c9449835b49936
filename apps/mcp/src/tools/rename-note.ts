/** @module rename_note(path, new_path, commit_message?) */
import { z } from 'zod';
import { defineTool, writeOptions } from './define.js';

export const renameNote = defineTool({
  name: 'rename_note',
  title: 'Rename (move) a wiki page',
  description: 'Move a page to a new path and rewrite the [[WikiLinks]] that point at it, all in one commit.',
  inputSchema: {
    path: z.string().describe('Current page path'),
    new_path: z.string().describe('New page path; no page may exist there yet'),
    commit_message: z.string().optional().describe('Optional commit message'),
  },
  access: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run({ path, new_path, commit_message }, context) {
    const result = await context.wiki.renamePage(path, new_path, await writeOptions(context, commit_message));
    const rewritten = result.rewritten.length > 0 ? ` Rewrote links in: ${result.rewritten.join(', ')}.` : ' No other page linked to it.';
    return `Renamed "${result.path}" to "${result.newPath}" at revision ${result.revision}.${rewritten}`;
  },
});
