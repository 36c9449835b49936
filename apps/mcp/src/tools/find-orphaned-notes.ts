/** @module find_orphaned_notes() */
import { z } from 'zod';
import { defineTool } from './define.js';

export const findOrphanedNotes = defineTool({
  name: 'find_orphaned_notes',
  title: 'Find orphaned pages',
  description:
    'Find pages no other page links to (Home excepted): candidates for linking from an index page with [[Label|Page]].',
  inputSchema: {},
  outputSchema: { orphans: z.array(z.string()), total: z.number() },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(_args, { wiki }) {
    const orphans = await wiki.orphans();
    const text =
      orphans.length === 0
        ? 'No orphaned notes found. All pages have at least one incoming link.'
        : `Found ${orphans.length} orphaned notes (no incoming links from ` +
          `any other page):\n\n${orphans.map((p) => `- ${p}`).join('\n')}`;
    return { text, structured: { orphans, total: orphans.length } };
  },
});
