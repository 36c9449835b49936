/**
 * Poisoned pages: every per-page computation must be linear in the page size or bounded, whatever the shape.
 * Proven without timing: markdown-it's inline parser (quadratic on some inputs) is never given more than a
 * bounded piece of text, nor more markup characters per page than a fixed budget, and the hand-written scanners
 * finish on inputs that made the old regular expressions backtrack for hours.
 */
import { describe, expect, it } from '@jest/globals';
import {
  BLOCK_BUDGET,
  INLINE_MARKUP_BUDGET,
  INLINE_SEGMENT_CHARS,
  MAX_FRONTMATTER_CHARS,
  blockCut,
  markupCost,
  pageTitle,
  plainText,
} from '../../src/index.js';
import { parseFrontmatter } from '../../src/frontmatter.js';
import { createWikiMarkdown } from '../../src/markdown-parser.js';
import { extractLinks, rewriteWikiLinks } from '../../src/page-model.js';

const MB = 1 << 20;
const fill = (unit: string, bytes = MB): string => unit.repeat(Math.floor(bytes / unit.length));
const SHAPES: Record<string, string> = {
  '[ run': fill('['),
  '![[ run': fill('![['),
  '[[ run, one unclosed link': `[[${fill('a')}`,
  '* run': fill('*'),
  '*a run': fill('*a '),
  '_ run': fill('_a_ '),
  'backtick run': fill('`a``'),
  '< run': fill('<'),
  'deep nesting': fill('> - [') + fill(']', MB / 8),
  'one long line of links': fill('[[Page]] [x](y) '),
  'many short lines': fill('[[A]] `b` *c*\n'),
  'frontmatter of 20k keys': `---\n${Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\nbody`,
};

describe('a 1 MB page of any shape', () => {
  it.each(Object.keys(SHAPES))('%s: inline parsing gets bounded pieces and a bounded markup budget', (name) => {
    // Prepare: count what markdown-it's inline parser is given
    const md = createWikiMarkdown();
    const inputs: string[] = [];
    const parse = md.inline.parse.bind(md.inline);
    md.inline.parse = (src, ...rest) => {
      inputs.push(src);
      return parse(src, ...rest);
    };
    // Act
    md.render(SHAPES[name]!);
    // Assess
    expect(Math.max(0, ...inputs.map((s) => s.length))).toBeLessThanOrEqual(INLINE_SEGMENT_CHARS);
    const markup = inputs.reduce((sum, s) => sum + markupCost(s), 0);
    expect(markup).toBeLessThanOrEqual(INLINE_MARKUP_BUDGET);
  });

  it.each(Object.keys(SHAPES))('%s: is indexed and its links rewritten', (name) => {
    const text = SHAPES[name]!;
    const { frontmatter, body } = parseFrontmatter(text);
    expect(typeof pageTitle('P', frontmatter, body)).toBe('string');
    expect(extractLinks('P', body)).toEqual(expect.any(Array));
    expect(typeof plainText(body)).toBe('string');
    expect(rewriteWikiLinks(text, 'page', 'Other').length).toBeGreaterThanOrEqual(text.length - 1);
  });
});

describe('block parsing', () => {
  it.each([
    ['empty list items', fill('-\n')],
    ['paragraphs', fill('a\n\n')],
    ['nested quotes and lists', fill('> > > - - - a\n')],
    ['a table a million cells wide', `${fill('|a', MB / 2)}|\n${fill('|-', MB / 2)}|\n`],
  ])('of %s stops at the block budget; the rest is one plain block', (_name, text) => {
    const tokens = createWikiMarkdown().parse(text, {});
    expect(tokens.length).toBeLessThanOrEqual(BLOCK_BUDGET * 8);
    const tail = tokens[tokens.length - 1]!;
    expect(tail).toMatchObject({ type: 'code_block', meta: { overBudget: true } });
    expect(text.endsWith(tail.content)).toBe(true);
  });

  it('leaves an ordinary page whole', () => {
    const page = `# Title\n\n${'Some text with a [[Link]].\n\n- item\n- item\n\n'.repeat(200)}`;
    expect(blockCut(page)).toBe(page.length);
  });
});

describe('the scanners that replaced backtracking regular expressions', () => {
  it('finds a heading after a million spaces', () => {
    expect(pageTitle('P', {}, `# ${' '.repeat(MB)}x ${' '.repeat(MB)}#`)).toBe('x');
  });

  it.each([
    ['unclosed brackets', fill('[', MB / 2)],
    ['unclosed links', fill('[a](', MB / 2)],
    ['unclosed tags', fill('<', MB / 2)],
    ['unclosed WikiLinks', fill('[[a', MB / 2)],
  ])('reads the words of a page full of %s', (_name, hostile) => {
    expect(plainText(`word ${hostile} end`).endsWith(' end')).toBe(true);
  });
});

describe('frontmatter', () => {
  it('is parsed up to its size limit, duplicate keys last-wins', () => {
    const keys = Array.from({ length: 1500 }, (_, i) => `k${i}: v`).join('\n');
    expect(keys.length).toBeLessThan(MAX_FRONTMATTER_CHARS);
    const { frontmatter, body } = parseFrontmatter(`---\n${keys}\nk5: last\n---\nbody`);
    expect(frontmatter['k5']).toBe('last');
    expect(frontmatter['k1499']).toBe('v');
    expect(body).toBe('body');
  });

  it('beyond its size limit is body text, not parsed', () => {
    const text = `---\n${Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\nbody`;
    expect(parseFrontmatter(text)).toEqual({ frontmatter: {}, body: text });
  });
});
