import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { normalizePagePath, pageDisplayName, pageFileName, titleCase } from '../../src/index.js';

// Expected values are what An Otter Wiki shows (its get_pagename / titleSs, run under Python 3.11).
describe('pageDisplayName', () => {
  it.each([
    ['test-page.md', undefined, 'Test-Page'],
    ['guide/getting started.md', undefined, 'Guide/Getting Started'],
    ["the otter's guide.md", undefined, "The Otter's Guide"],
    ['straße/groß.md', undefined, 'Straße/Groß'],
    ['café/crème brûlée.md', undefined, 'Café/Crème Brûlée'],
    ['中文/日本語ページ.md', undefined, '中文/日本語ページ'],
    ['ελληνικά/σοφία.md', undefined, 'Ελληνικά/Σοφία'],
    ['σοφός.md', undefined, 'Σοφός'],
    ['😀 emoji/🦦 otter.md', undefined, '😀 Emoji/🦦 Otter'],
    ['api guide.md', 'API Guide', 'API Guide'],
    ['api guide.md', 'Something Else', 'Api Guide'],
    ['FooBar.md', undefined, 'FooBar'],
    ['FooBar.md', 'Other', 'Foobar'],
    ['foo / bar.md', undefined, 'Foo / Bar'],
    ['1st page.md', undefined, '1St Page'],
    ['x_y.md', undefined, 'X_Y'],
    ['mcp.md', 'mcp', 'Mcp'],
    ['ǆungla.md', undefined, 'ǅungla'],
  ])('shows %j (heading %j) as %j, as Otterwiki does', (file, heading, expected) => {
    expect(pageDisplayName(file, { retainCase: false, ...(heading === undefined ? {} : { heading }) })).toBe(expected);
  });

  it.each([
    ['ﬁle.md', 'ﬁle'], // Otterwiki: "File", which names another page
    ['ıi.md', 'ıi'], // Otterwiki: "Ii"
  ])('keeps %j as %j where title casing would change more than case', (file, expected) => {
    expect(pageDisplayName(file)).toBe(expected);
  });

  it('shows the file name as it is when page name case is retained', () => {
    expect(pageDisplayName('Guide/test-page.md', { retainCase: true, heading: 'Test-Page' })).toBe('Guide/test-page');
  });
});

describe('pageFileName', () => {
  it.each([
    ['Foo/Bar Baz', false, 'foo/bar baz.md'],
    ['Foo/Bar Baz', true, 'Foo/Bar Baz.md'],
    ['Cafe\u0301 / Ünïcode.md', false, 'caf\u00e9 / ünïcode.md'],
    ['ΣΟΦΙΑ', false, 'σοφια.md'],
  ])('stores %j (retain case %j) in %j', (path, retainCase, file) => {
    expect(pageFileName(path, { retainCase })).toBe(file);
  });

  // Words from the scripts people name pages in; the shown name must lead back to the same file.
  const word = fc.constantFrom(
    'test',
    'page',
    'otter',
    "otter's",
    'café',
    'crème',
    'brûlée',
    'straße',
    'größe',
    'ñandú',
    'smörgåsbord',
    '中文',
    '日本語',
    'ページ',
    '한국어',
    'ελληνικά',
    'σοφία',
    'λόγος',
    'москва',
    '😀',
    '🦦',
    '👩‍💻',
    '1st',
    'v2',
    'x_y',
    'a-b',
  );
  const segment = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
  const name = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => segments.join('/'));

  it.each([false, true])('round-trips name → file → shown name → file (retain case %j)', (retainCase) => {
    fc.assert(
      fc.property(name, fc.boolean(), (path, upper) => {
        // Prepare
        const given = upper ? path.toUpperCase() : path;
        // Act
        const file = pageFileName(given, { retainCase });
        const shown = pageDisplayName(file, { retainCase });
        // Assess
        expect(pageFileName(shown, { retainCase })).toBe(file);
        expect(normalizePagePath(shown)).toBe(shown);
        if (retainCase) expect(shown).toBe(given);
        else expect(shown.toLowerCase()).toBe(given.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('titleCase', () => {
  it.each([
    ["don't stop", "Don't Stop"],
    ["'s x", "'s X"],
    ["''a o'", "''a O'"],
    ["café's menü", "Café's Menü"],
    ['ßa ßb', 'ßa ßb'],
    ['hello-world_again', 'Hello-World_Again'],
    ['ΟΔΟΣ ΟΔΟΣ', 'Οδος Οδος'],
    ['ΑΣ', 'Ας'],
    ['ᾳ', 'ᾼ'],
    ['ﬂow', 'Flow'],
    ['ǉudevit', 'ǈudevit'],
    ['ვეფხისტყაოსანი', 'ვეფხისტყაოსანი'],
  ])("title-cases %j as %j, as Python with Otterwiki's exceptions does", (input, expected) => {
    expect(titleCase(input)).toBe(expected);
  });
});
