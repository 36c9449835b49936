/** @module get_links(path) */
import { z } from 'zod';
import { defineTool } from './define.js';

const list = (paths: readonly string[]): string => (paths.length > 0 ? paths.map((p) => `- ${p}`).join('\n') : '(none)');

export const getLinks = defineTool({
  name: 'get_links',
  title: 'Links into and out of a page',
  description: 'Get the pages a page links to with [[WikiLinks]], the pages linking to it, and link targets that do not exist yet.',
  inputSchema: { path: z.string().describe('Page path, e.g. "Projects/Roadmap"') },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ path }, { wiki }) {
    const links = await wiki.getLinks(path);
    return [
      `Links of "${links.path}"`,
      `Outgoing (${links.outgoing.length}):\n${list(links.outgoing)}`,
      `Incoming (${links.incoming.length}):\n${list(links.incoming)}`,
      `Missing targets (${links.missing.length}):\n${list(links.missing)}`,
    ].join('\n\n');
  },
});
