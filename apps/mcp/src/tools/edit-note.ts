/** @module edit_note(path, old_text, new_text, commit_message?) */
import { z } from 'zod';
import { defineTool, writeOptions } from './define.js';

export const editNote = defineTool({
  name: 'edit_note',
  title: 'Replace text in a wiki page',
  description:
    'Replace one span of a page: old_text must occur exactly once in the latest revision and is replaced by new_text, ' +
    'in one commit, without rewriting the rest of the page. Concurrent edits never overwrite each other.',
  inputSchema: {
    path: z.string().describe('Page path, e.g. "Projects/Roadmap"'),
    old_text: z.string().min(1).describe('The exact text to replace; must occur exactly once in the page'),
    new_text: z.string().describe('The replacement text (may be empty to delete the span)'),
    commit_message: z.string().optional().describe('Optional commit message'),
  },
  access: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run({ path, old_text, new_text, commit_message }, context) {
    const result = await context.wiki.editPage(path, old_text, new_text, await writeOptions(context, commit_message));
    if (!result.changed) return `No change: the replacement leaves "${result.path}" as it was (revision ${result.revision}).`;
    return `Edited "${result.path}" at revision ${result.revision}.`;
  },
});
