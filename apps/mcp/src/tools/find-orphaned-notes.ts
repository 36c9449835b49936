/** @module find_orphaned_notes() */
import { defineTool } from './define.js';

export const findOrphanedNotes = defineTool({
  name: 'find_orphaned_notes',
  title: 'Find orphaned pages',
  description: 'Find pages no other page links to (Home excepted): candidates for linking from an index page.',
  inputSchema: {},
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(_args, { wiki }) {
    const orphans = await wiki.orphans();
    if (orphans.length === 0) return 'No orphaned pages: every page is linked from another.';
    return `${orphans.length} orphaned page${orphans.length === 1 ? '' : 's'}:\n${orphans.map((p) => `- ${p}`).join('\n')}`;
  },
});
