/** @module rename_note(path, new_path, commit_message = "") */
import { z } from 'zod';
import { commitMessageArg, defineTool, pathArg, writeOptions } from './define.js';

export const renameNote = defineTool({
  name: 'rename_note',
  title: 'Rename (move) a wiki page',
  description:
    'Rename a page (and move its attachments), rewriting the [[Label|Page]] links that point at it in other pages, ' +
    'all in one commit.',
  inputSchema: {
    path: pathArg('Current page path'),
    new_path: pathArg('New page path (no page may exist there yet)'),
    commit_message: commitMessageArg(),
  },
  outputSchema: {
    old_path: z.string(),
    new_path: z.string(),
    revision: z.string(),
    updated_pages: z.array(z.string()),
  },
  access: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run({ path, new_path, commit_message }, context) {
    const result = await context.wiki.renamePage(path, new_path, await writeOptions(context, commit_message));
    const lines = [`Renamed ${result.path} -> ${result.newPath} (revision: ${result.revision})`];
    if (result.rewritten.length > 0)
      lines.push(`Updated ${result.rewritten.length} backreferences:`, ...result.rewritten.map((p) => `  - ${p}`));
    else lines.push('No backreferences needed updating.');
    return {
      text: lines.join('\n'),
      structured: {
        old_path: result.path,
        new_path: result.newPath,
        revision: result.revision,
        updated_pages: [...result.rewritten],
      },
    };
  },
});
