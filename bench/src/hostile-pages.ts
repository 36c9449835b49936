/**
 * @module Hostile page shapes (issue 9): 1 MB pages built to hit the worst case of each per-page computation —
 * long runs of Markdown openers, deep nesting, huge tables, 20k-key frontmatter, one 1 MB line. Shared by the
 * bench (how long each takes to index and render) and the soak (written through MCP, REST and the browser form).
 */

/** About 1 MB, under wiki-core's MAX_PAGE_BYTES (1 MiB) with room for a heading. */
export const HOSTILE_BYTES = 1_000_000;

/** `unit` repeated to about `bytes` characters. */
function fill(unit: string, bytes = HOSTILE_BYTES): string {
  return unit.repeat(Math.floor(bytes / unit.length));
}

const frontmatter = (keys: number): string =>
  `---\n${Array.from({ length: keys }, (_, i) => `key${i}: value ${i}`).join('\n')}\n---\n`;

/** Every shape by name; each page is ASCII, so characters are bytes. */
export function hostilePages(): Record<string, string> {
  return {
    'run of [': fill('['),
    'run of ![[': fill('![['),
    'unclosed [[ then 1 MB': `[[${fill('a', HOSTILE_BYTES - 2)}`,
    'run of *': fill('*'),
    'run of *a': fill('*a '),
    'run of _': fill('_a_ '),
    'run of backticks': fill('`a``'),
    'run of <': fill('<'),
    'run of [a](': fill('[a]('),
    'run of [^': fill('[^'),
    'nested > - [': fill('> - [') + fill(']', HOSTILE_BYTES / 8),
    'nested quotes and lists, per line': fill('> > > > > > > > - - - - - - - - a\n'),
    'empty list items': fill('-\n'),
    'empty paragraphs': fill('a\n\n'),
    headings: fill('#\n'),
    'table 250k columns wide': `${fill('|a', HOSTILE_BYTES / 2)}|\n${fill('|-', HOSTILE_BYTES / 2 - 2)}|\n`,
    'reference definitions': fill('[a]: b\n'),
    'WikiLinks and links, one line': fill('[[Page]] [x](y) '),
    'dense Markdown paragraphs': fill('Some **bold** words, a [link](Other) and `code` here.\n\n'),
    'one 1 MB line of words': fill('word '),
    'frontmatter of 20k keys': frontmatter(20_000) + 'body\n',
  };
}
