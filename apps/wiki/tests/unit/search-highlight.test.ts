import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { highlight, queryWords } from '../../src/views/highlight.js';
import { openTestWiki, type TestWiki } from '../helpers/wiki-app.js';

const ALICE = { name: 'Alice', email: 'alice@example.com' };

describe('highlight', () => {
  it('escapes every piece and marks whole words, whatever their case', () => {
    expect(highlight('Otters & <otters> otterly', ['otters']).value).toBe(
      '<mark>Otters</mark> &amp; &lt;<mark>otters</mark>&gt; otterly',
    );
  });

  it('never marks inside an entity or builds markup from the text', () => {
    expect(highlight('a & b', ['amp']).value).toBe('a &amp; b');
    expect(highlight('<mark>x</mark> "q"', ['mark', 'q']).value).toBe(
      '&lt;<mark>mark</mark>&gt;x&lt;/<mark>mark</mark>&gt; &quot;<mark>q</mark>&quot;',
    );
  });

  it('treats regex characters in terms as text and prefers the longest term', () => {
    expect(highlight('c++ and c and (a|b)', ['c++', '(a|b)']).value).toBe(
      '<mark>c++</mark> and c and <mark>(a|b)</mark>',
    );
    expect(highlight('otter otters', ['otter', 'otters']).value).toBe('<mark>otter</mark> <mark>otters</mark>');
  });

  it('marks non-Latin words and leaves text without terms alone', () => {
    expect(highlight('Über Straße', ['straße', 'über']).value).toBe('<mark>Über</mark> <mark>Straße</mark>');
    expect(highlight('plain <b>', []).value).toBe('plain &lt;b&gt;');
    expect(queryWords('  foo-bar, Baz ')).toEqual(['foo', 'bar', 'Baz']);
  });
});

describe('/-/search', () => {
  let t: TestWiki;

  beforeAll(async () => {
    t = await openTestWiki();
    await t.wiki.writePage(
      'Rivers',
      '# Rivers\n\nSea otters & river otters share <b>nothing</b>; an otterhound is a dog.',
      { author: ALICE },
    );
    await t.wiki.writePage('Typos', '# Typos\n\nThe kubernetes cluster.', { author: ALICE });
  });
  afterAll(() => t.close());

  it('marks the matched words in each snippet, escaped', async () => {
    const html = await (await t.get('/-/search?q=otters')).text();
    expect(html).toContain('<p class="snippet">Rivers Sea <mark>otters</mark> &amp; river <mark>otters</mark> share');
    expect(html).not.toContain('<b>nothing');
    expect(html).not.toContain('<mark>otterhound');
  });

  it('marks what a misspelt or partial word matched', async () => {
    const fuzzy = await (await t.get('/-/search?q=kubernets')).text();
    expect(fuzzy).toContain('<mark>kubernetes</mark> cluster');
    const prefix = await (await t.get('/-/search?q=otterhou')).text();
    expect(prefix).toContain('an <mark>otterhound</mark> is');
  });

  it('marks nothing that was not searched for, even words that look like markup', async () => {
    const html = await (await t.get('/-/search?q=%3Cmark%3E')).text();
    expect(html.match(/<mark>/g)).toBeNull();
  });
});
