/** @module list_notes(prefix?, category?, tag?, updated_since?) */
import { z } from 'zod';
import { defineTool, present } from './define.js';

export const listNotes = defineTool({
  name: 'list_notes',
  title: 'List wiki pages',
  description: 'List wiki pages, optionally filtered (filters combine with AND) by path prefix, frontmatter category or tag, or change date.',
  inputSchema: {
    prefix: z.string().optional().describe('Path prefix, e.g. "Projects/"'),
    category: z.string().optional().describe('Frontmatter category'),
    tag: z.string().optional().describe('Frontmatter tag'),
    updated_since: z.string().optional().describe('ISO 8601 date or date-time, e.g. "2026-03-08"'),
  },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ prefix, category, tag, updated_since }, { wiki }) {
    const filter = { prefix: present(prefix), category: present(category), tag: present(tag), updatedSince: present(updated_since) };
    const pages = await wiki.listPages(filter);
    const applied = Object.entries({ prefix, category, tag, updated_since }).filter(([, v]) => present(v));
    const suffix = applied.length > 0 ? ` matching ${applied.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}` : '';
    if (pages.length === 0) return `No pages${suffix}.`;
    const rows = pages.map((p) => {
      const meta = [p.updated.slice(0, 10), p.category, p.tags.length > 0 ? `tags: ${p.tags.join(', ')}` : undefined].filter(Boolean);
      return `- ${p.path} — ${p.title} (${meta.join('; ')})`;
    });
    return `${pages.length} page${pages.length === 1 ? '' : 's'}${suffix}:\n${rows.join('\n')}`;
  },
});
