/** @module delete_note(path, commit_message?) */
import { z } from 'zod';
import { defineTool, writeOptions } from './define.js';

export const deleteNote = defineTool({
  name: 'delete_note',
  title: 'Delete a wiki page',
  description:
    'Delete a wiki page (one git commit; the content stays recoverable from history only). Confirm with the user before calling.',
  inputSchema: {
    path: z.string().describe('Page path, e.g. "Projects/Roadmap"'),
    commit_message: z.string().optional().describe('Optional commit message'),
  },
  access: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  async run({ path, commit_message }, context) {
    const result = await context.wiki.deletePage(path, await writeOptions(context, commit_message));
    return `Deleted "${result.path}" at revision ${result.revision}.`;
  },
});
