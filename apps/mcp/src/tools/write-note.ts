/** @module write_note(path, content, revision = "", commit_message = "") */
import { z } from 'zod';
import { commitMessageArg, defineTool, pathArg, present, writeOptions } from './define.js';

export const writeNote = defineTool({
  name: 'write_note',
  title: 'Create or replace a wiki page',
  description:
    'Create a page, or replace its whole content, with Markdown (optional YAML frontmatter between --- lines: ' +
    'category, tags, ...). Link pages with [[Label|Page]] or [[Page]]. Updating an existing page needs the revision ' +
    'read_note gave you (optimistic locking: if someone changed ' +
    'the page since, you get a conflict naming the current ' +
    'revision); omit revision to create a new page. One git commit authored by you. To change part of a page prefer ' +
    'edit_note. Pages are limited to 1 MB.',
  inputSchema: {
    path: pathArg(),
    content: z.string().describe('The complete Markdown content of the page (frontmatter optional)'),
    revision: z
      .string()
      .optional()
      .describe(
        'Current revision of the page, from read_note. Required to update an existing page; omit to create one',
      ),
    commit_message: commitMessageArg(),
  },
  outputSchema: { path: z.string(), revision: z.string(), created: z.boolean(), changed: z.boolean() },
  access: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run({ path, content, revision, commit_message }, context) {
    const options = {
      ...(await writeOptions(context, commit_message)),
      baseRevision: present(revision),
      requireBaseRevision: true,
    };
    const result = await context.wiki.writePage(path, content, options);
    const structured = {
      path: result.path,
      revision: result.revision,
      created: result.created,
      changed: result.changed,
    };
    if (!result.changed)
      return { text: `No change: ${result.path} already has this content (revision: ${result.revision})`, structured };
    return {
      text: `${result.created ? 'Created' : 'Updated'} ${result.path} (revision: ${result.revision})`,
      structured,
    };
  },
});
