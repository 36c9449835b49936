/** @module list_notes(prefix = "", category = "", tag = "", updated_since = "") */
import { z } from 'zod';
import { defineTool, present } from './define.js';

export const listNotes = defineTool({
  name: 'list_notes',
  title: 'List wiki pages',
  description:
    'List wiki pages, optionally filtered (filters combine with AND) ' +
    'by path prefix, frontmatter category or tag, or change date.',
  inputSchema: {
    prefix: z.string().optional().describe('Path prefix, e.g. "Projects/"'),
    category: z.string().optional().describe('Frontmatter category'),
    tag: z.string().optional().describe('Frontmatter tag'),
    updated_since: z.string().optional().describe('ISO 8601 date or date-time, e.g. "2026-03-08"'),
  },
  outputSchema: {
    pages: z.array(
      z.object({
        name: z.string(),
        path: z.string(),
        category: z.string().nullable(),
        tags: z.array(z.string()),
        last_updated: z.string(),
        revision: z.string(),
        size: z.number(),
      }),
    ),
    total: z.number(),
  },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ prefix, category, tag, updated_since }, { wiki }) {
    const pages = await wiki.listPages({
      prefix: present(prefix),
      category: present(category),
      tag: present(tag),
      updatedSince: present(updated_since),
    });
    const filters = [
      present(prefix) && `prefix=${prefix}`,
      present(category) && `category=${category}`,
      present(tag) && `tag=${tag}`,
      present(updated_since) && `updated since ${updated_since}`,
    ].filter(Boolean);
    const header =
      filters.length > 0
        ? `Found ${pages.length} notes matching ${filters.join(', ')}:`
        : `Found ${pages.length} notes:`;
    const rows = pages.map((p) => {
      const meta = [
        p.title !== p.path.split('/').pop() ? `title: ${p.title}` : undefined,
        p.category ? `category: ${p.category}` : undefined,
        p.tags.length > 0 ? `tags: ${p.tags.join(', ')}` : undefined,
        `last updated: ${p.updated.slice(0, 10)}`,
      ].filter(Boolean);
      return `- ${p.path} (${meta.join(', ')}, ${p.size} bytes)`;
    });
    return {
      text: rows.length > 0 ? `${header}\n\n${rows.join('\n')}` : header,
      structured: {
        pages: pages.map((p) => ({
          name: p.title,
          path: p.path,
          category: p.category ?? null,
          tags: [...p.tags],
          last_updated: p.updated,
          revision: p.revision,
          size: p.size,
        })),
        total: pages.length,
      },
    };
  },
});
