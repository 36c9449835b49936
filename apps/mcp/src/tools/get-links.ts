/** @module get_links(path) */
import { z } from 'zod';
import { defineTool, pathArg } from './define.js';

const list = (title: string, paths: readonly string[]): string =>
  [`${title} (${paths.length}):`, ...(paths.length > 0 ? paths.map((p) => `  - ${p}`) : ['  (none)'])].join('\n');

export const getLinks = defineTool({
  name: 'get_links',
  title: 'Links into and out of a page',
  description:
    'Get the pages a page links to with [[Label|Page]] links, the ' +
    'pages linking to it, and link targets that do not exist yet.',
  inputSchema: { path: pathArg() },
  outputSchema: {
    path: z.string(),
    links_to: z.array(z.string()),
    linked_from: z.array(z.string()),
    missing: z.array(z.string()),
  },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ path }, { wiki }) {
    const links = await wiki.getLinks(path);
    return {
      text: [
        `Links for ${links.path}:`,
        '',
        list('Links to', links.outgoing),
        list('Linked from', links.incoming),
        list('Missing targets', links.missing),
      ].join('\n'),
      structured: {
        path: links.path,
        links_to: [...links.outgoing],
        linked_from: [...links.incoming],
        missing: [...links.missing],
      },
    };
  },
});
