/**
 * The blame view (`/<Page>/blame`): each line with the commit, author and date wiki-core's blame names, linked to
 * the page at that commit; an older revision by `?revision=`; bounded (a page at the limits stays under 1 MB, a
 * page beyond them gets a "too large" page), with no inline script or style.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_BLAME_CHARS, MAX_BLAME_LINES } from '@wikibot/wiki-core';
import { openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';

const ANN = { name: 'Ann', email: 'ann@example.com' };
const BOB = { name: 'Bob', email: 'bob@example.com' };

describe('the blame view', () => {
  let t: TestWiki;
  let alice: Browser;
  let first: string;
  let second: string;

  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn('alice@example.com', 'Alice');
    first = (await t.wiki.writePage('Tide Pools', '# Tide Pools\n\nAnemones.\nCrabs.\n', { author: ANN })).revision;
    const next = '# Tide Pools\n\nAnemones.\nHermit crabs <live> here.\nStarfish.\n';
    second = (await t.wiki.writePage('Tide Pools', next, { author: BOB })).revision;
  });
  afterAll(() => t.close());

  /** The blame table's rows as [short commit or '', author, line number, text]. */
  function rows(page: string): string[][] {
    return [...page.matchAll(/<tr(?: class="run")?>(.*?)<\/tr>/gs)].slice(1).map((m) => {
      const cells = [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]!);
      return [cells[0]!.replace(/<[^>]+>/g, ''), cells[1]!, cells[3]!, cells[4]!];
    });
  }

  it('names the commit that last changed each line, once per run, linked to its commit view and page then', async () => {
    // Act
    const response = await t.get('/Tide%20Pools/blame', { browser: alice });
    const page = await response.text();
    // Assess
    expect(response.status).toBe(200);
    const [a, b] = [first.slice(0, 8), second.slice(0, 8)];
    expect(rows(page)).toEqual([
      [a, 'Ann', '1', '# Tide Pools'],
      ['', '', '2', ''],
      ['', '', '3', 'Anemones.'],
      [b, 'Bob', '4', 'Hermit crabs &lt;live&gt; here.'],
      ['', '', '5', 'Starfish.'],
    ]);
    expect(page).toContain(`<a href="/-/commit/${second}" title="Update Tide Pools">${b}</a>`);
    expect(page).toMatch(new RegExp(`<a href="/Tide%20Pools/revision/${second}"><time datetime="`));
    expect((await t.get(`/-/commit/${second}`)).status).toBe(200);
  });

  it('blames an older revision with ?revision=, and refuses a malformed one', async () => {
    const old = await (await t.get(`/Tide%20Pools/blame?revision=${first}`)).text();
    expect(rows(old).map((r) => r[3])).toEqual(['# Tide Pools', '', 'Anemones.', 'Crabs.']);
    expect(old).toContain(`at revision <code>${first.slice(0, 8)}</code>`);
    expect((await t.get('/Tide%20Pools/blame?revision=nothex')).status).toBe(400);
    expect((await t.get('/Tide%20Pools/blame?revision=0000000')).status).toBe(404);
    expect((await t.get('/No%20Such%20Page/blame')).status).toBe(404);
  });

  it('links blame from the page view, now and at an old revision', async () => {
    const now = await (await t.get('/Tide%20Pools')).text();
    const old = await (await t.get(`/Tide%20Pools/revision/${first}`)).text();
    expect(now).toContain('<a href="/Tide%20Pools/blame">Blame</a>');
    expect(old).toContain(`<a href="/Tide%20Pools/blame?revision=${first}">Blame</a>`);
  });

  it('keeps a page at the blame limits under 1 MB, every row its own run, hostile author and text', async () => {
    // Prepare: MAX_BLAME_LINES lines of markup characters; a second commit changes every other line
    const width = Math.floor(MAX_BLAME_CHARS / MAX_BLAME_LINES) - 3;
    const line = (i: number, tag: string) => `${tag}${String(i).padStart(4, '0')}${'<&'.repeat(width)}`.slice(0, width);
    const text = (tag: (i: number) => string) =>
      Array.from({ length: MAX_BLAME_LINES }, (_, i) => line(i, tag(i))).join('\n') + '\n';
    const hostile = { name: 'N'.repeat(5000), email: 'n@example.com' };
    await t.wiki.writePage(
      'Wide',
      text(() => 'a'),
      { author: hostile, message: 'M'.repeat(5000) },
    );
    await t.wiki.writePage(
      'Wide',
      text((i) => (i % 2 ? 'b' : 'a')),
      { author: hostile },
    );
    // Act
    const response = await t.get('/Wide/blame');
    const page = await response.text();
    // Assess
    expect(response.status).toBe(200);
    expect(page.match(/<tr class="run">/g)).toHaveLength(MAX_BLAME_LINES);
    expect(Buffer.byteLength(page)).toBeLessThan(1_000_000);
  });

  it('shows a page beyond the limits as too large, linking its source and history', async () => {
    await t.wiki.writePage('Long', 'x\n'.repeat(MAX_BLAME_LINES + 1), { author: ANN });
    const response = await t.get('/Long/blame');
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('too large to show');
    expect(page).toContain('<a href="/Long/source">source</a>');
    expect(page).toContain('<a href="/Long/history">history</a>');
  });

  it('puts no inline script or style on the blame page, and answers POST with 405', async () => {
    const response = await t.get('/Tide%20Pools/blame');
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(await response.text()).not.toMatch(/<script(?![^>]*\ssrc="\/-\/static\/)|<style|\sstyle=|\son[a-z]+=/i);
    expect((await t.postForm('/Tide%20Pools/blame', {}, { browser: alice })).status).toBe(405);
  });
});
