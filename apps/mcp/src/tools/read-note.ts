/** @module read_note(path, revision?) */
import { z } from 'zod';
import { defineTool, present } from './define.js';

export const readNote = defineTool({
  name: 'read_note',
  title: 'Read a wiki page',
  description:
    'Read a wiki page by path. Returns its revision, metadata and WikiLinks, then the full Markdown (frontmatter included). ' +
    'Pass revision (an id from get_history) to read an older version.',
  inputSchema: {
    path: z.string().describe('Page path, e.g. "Projects/Roadmap"'),
    revision: z.string().optional().describe('Optional revision id from get_history; omit for the latest version'),
  },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ path, revision }, { wiki }) {
    const page = await wiki.readPage(path, { revision: present(revision) });
    const lines = [
      `# ${page.title}`,
      `Path: ${page.path}`,
      `Revision: ${page.revision} (${page.updated}, ${page.author.name})`,
    ];
    if (page.category) lines.push(`Category: ${page.category}`);
    if (page.tags.length > 0) lines.push(`Tags: ${page.tags.join(', ')}`);
    lines.push(`Links to: ${page.links.length > 0 ? page.links.map((l) => `[[${l}]]`).join(', ') : '(none)'}`);
    return `${lines.join('\n')}\n\n---\n\n${page.content}`;
  },
});
