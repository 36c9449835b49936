/** @module edit_note(path, revision, old_string, new_string, commit_message = "") */
import { z } from 'zod';
import { commitMessageArg, defineTool, pathArg, writeOptions } from './define.js';

export const editNote = defineTool({
  name: 'edit_note',
  title: 'Replace text in a wiki page',
  description:
    'Edit a page in place: old_string must occur exactly once in the page (frontmatter included) and is replaced by ' +
    'new_string, in one commit, without rewriting the rest. Needs the revision read_note gave you: if the page ' +
    'changed since, you get a conflict naming the current revision and must read it again. Links are written ' +
    '[[Label|Page]].',
  inputSchema: {
    path: pathArg(),
    revision: z
      .string()
      .regex(/^[0-9a-fA-F]{7,40}$/, 'revision must be the 7 to 40 hex digits read_note gave')
      .describe('Current revision of the page, from read_note (full, or 7+ characters)'),
    old_string: z
      .string()
      .min(1, 'old_string must not be empty')
      .describe('Exact text to replace; must occur exactly once'),
    new_string: z.string().describe('Replacement text; empty to delete old_string'),
    commit_message: commitMessageArg(),
  },
  outputSchema: { path: z.string(), revision: z.string() },
  access: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run({ path, revision, old_string, new_string, commit_message }, context) {
    const options = { ...(await writeOptions(context, commit_message)), baseRevision: revision };
    const result = await context.wiki.editPage(path, old_string, new_string, options);
    return {
      text: `Edited ${result.path} (revision: ${result.revision})`,
      structured: { path: result.path, revision: result.revision },
    };
  },
});
