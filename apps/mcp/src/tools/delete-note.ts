/** @module delete_note(path, commit_message = "") */
import { z } from 'zod';
import { commitMessageArg, defineTool, pathArg, writeOptions } from './define.js';

export const deleteNote = defineTool({
  name: 'delete_note',
  title: 'Delete a wiki page',
  description:
    'Delete a wiki page and its attachments (one git commit; the content stays recoverable from history only). ' +
    'Confirm with the user before calling.',
  inputSchema: { path: pathArg(), commit_message: commitMessageArg() },
  outputSchema: { path: z.string(), revision: z.string() },
  access: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  async run({ path, commit_message }, context) {
    const result = await context.wiki.deletePage(path, await writeOptions(context, commit_message));
    return {
      text: `Deleted ${result.path} (revision: ${result.revision})`,
      structured: { path: result.path, revision: result.revision },
    };
  },
});
