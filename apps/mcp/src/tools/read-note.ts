/** @module read_note(path, revision = "", section = "") */
import { z } from 'zod';
import { defineTool, pathArg, present, ToolRefusal } from './define.js';
import { findSection } from './sections.js';

/** Frontmatter as otterwiki-mcp prints it: "Category: x | Tags: a, b" (the title is the heading already). */
function frontmatterLine(frontmatter: Readonly<Record<string, unknown>>): string | undefined {
  const parts = Object.entries(frontmatter)
    .filter(([key, value]) => key !== 'title' && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => {
      const label = key.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
      return `${label}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)}`;
    });
  return parts.length > 0 ? parts.join(' | ') : undefined;
}

export const readNote = defineTool({
  name: 'read_note',
  title: 'Read a wiki page',
  description:
    'Read a wiki page by path. Returns its revision (pass it to write_note or edit_note to change the page), ' +
    'metadata, the pages it links to and that link to it, then the full Markdown, frontmatter included. Links are ' +
    'written [[Label|Page]] or [[Page]]. Pass revision (from ' +
    'get_history) for an older version, or section (a heading ' +
    'title or path such as "Background > Military Strategy") for just that section.',
  inputSchema: {
    path: pathArg(),
    revision: z.string().optional().describe('Optional revision id from get_history; omit for the latest version'),
    section: z.string().optional().describe('Optional heading title or " > " path; returns only that section'),
  },
  outputSchema: {
    name: z.string(),
    path: z.string(),
    revision: z.string(),
    updated: z.string(),
    author: z.string(),
    frontmatter: z.record(z.string(), z.unknown()),
    links_to: z.array(z.string()),
    linked_from: z.array(z.string()),
    section: z.string().optional(),
    content: z.string(),
  },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ path, revision, section }, { wiki }) {
    const page = await wiki.readPage(path, { revision: present(revision) });
    let content = page.content;
    let sectionPath: string | undefined;
    let linksTo = page.links;
    let linkedFrom = (await wiki.getLinks(page.path)).incoming;
    if (present(section)) {
      const found = findSection(page.content, section!);
      if ('choices' in found) {
        const choices =
          found.choices.length > 0
            ? `Available sections:\n${found.choices.map((c) => `  - ${c}`).join('\n')}`
            : 'This page has no sections.';
        throw new ToolRefusal(`Section not found: '${section}'. ${choices}`);
      }
      ({ text: content, path: sectionPath } = found);
      linksTo = [];
      linkedFrom = [];
    }
    const lines = [
      `# ${page.title}`,
      `Path: ${page.path}`,
      `Revision: ${page.revision}`,
      `Updated: ${page.updated} by ${page.author.name}`,
    ];
    if (sectionPath) lines.push(`Section: ${sectionPath}`);
    const meta = frontmatterLine(page.frontmatter);
    if (meta) lines.push(meta);
    if (linksTo.length > 0) lines.push(`Links to: ${linksTo.join(', ')}`);
    if (linkedFrom.length > 0) lines.push(`Linked from: ${linkedFrom.join(', ')}`);
    return {
      text: `${lines.join('\n')}\n\n---\n${content}`,
      structured: {
        name: page.title,
        path: page.path,
        revision: page.revision,
        updated: page.updated,
        author: page.author.name,
        frontmatter: { ...page.frontmatter },
        links_to: [...linksTo],
        linked_from: [...linkedFrom],
        ...(sectionPath ? { section: sectionPath } : {}),
        content,
      },
    };
  },
});
