/** @module write_note(path, content, commit_message?) */
import { z } from 'zod';
import { defineTool, writeOptions } from './define.js';

export const writeNote = defineTool({
  name: 'write_note',
  title: 'Create or replace a wiki page',
  description:
    'Create a page or replace its whole content with Markdown (optional YAML frontmatter between --- lines: category, tags, ...). ' +
    'One git commit authored by you. To change part of an existing page prefer edit_note. Pages are limited to 1 MB.',
  inputSchema: {
    path: z.string().describe('Page path, e.g. "Projects/Roadmap"'),
    content: z.string().describe('The complete new Markdown content of the page'),
    commit_message: z.string().optional().describe('Optional commit message'),
  },
  access: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run({ path, content, commit_message }, context) {
    const result = await context.wiki.writePage(path, content, await writeOptions(context, commit_message));
    if (!result.changed) return `No change: "${result.path}" already has this content (revision ${result.revision}).`;
    return `${result.created ? 'Created' : 'Updated'} "${result.path}" at revision ${result.revision}.`;
  },
});
