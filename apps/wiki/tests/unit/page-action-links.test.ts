import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';

const BOB = { name: 'Bob', email: 'bob@example.com' };

/** The hrefs of the links whose text is `label`, in document order. */
function hrefsOf(page: string, label: string): string[] {
  return [...page.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)]
    .filter((m) => m[2] === label)
    .map((m) => m[1].replace(/&amp;/g, '&'));
}

describe('links to the page actions', () => {
  let t: TestWiki;
  let alice: Browser;
  let first: string;
  let second: string;

  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn('alice@example.com', 'Alice');
    first = (await t.wiki.writePage('Tide Pools', '# Tide Pools\n\nOne.', { author: BOB })).revision;
    second = (await t.wiki.writePage('Tide Pools', '# Tide Pools\n\nTwo.', { author: BOB })).revision;
  });
  afterAll(() => t.close());

  it('links the page view to its source, rename and delete, each of which opens', async () => {
    // Act
    const page = await (await t.get('/Tide%20Pools', { browser: alice })).text();
    // Assess
    expect(page).toContain('<nav class="meta" aria-label="More page actions">');
    const links = ['Source', 'Rename', 'Delete'].map((label) => hrefsOf(page, label));
    expect(links).toEqual([['/Tide%20Pools/source'], ['/Tide%20Pools/rename'], ['/Tide%20Pools/delete']]);
    for (const [href] of links) expect((await t.get(href, { browser: alice })).status).toBe(200);
  });

  it('links an old revision to its source and to a revert to it', async () => {
    // Act
    const page = await (await t.get(`/Tide%20Pools/revision/${first}`, { browser: alice })).text();
    // Assess
    expect(hrefsOf(page, 'Source')).toEqual([`/Tide%20Pools/source?revision=${first}`]);
    expect(hrefsOf(page, 'Revert to this revision')).toEqual([`/Tide%20Pools/revert/${first}`]);
    expect(hrefsOf(page, 'Rename')).toEqual([]);
    const revert = await (await t.get(`/Tide%20Pools/revert/${first}`, { browser: alice })).text();
    expect(revert).toContain('One.');
  });

  it('gives each history row its source, and every row but the latest a revert', async () => {
    // Act
    const page = await (await t.get('/Tide%20Pools/history', { browser: alice })).text();
    // Assess
    expect(hrefsOf(page, 'source')).toEqual([
      `/Tide%20Pools/source?revision=${second}`,
      `/Tide%20Pools/source?revision=${first}`,
    ]);
    expect(hrefsOf(page, 'revert')).toEqual([`/Tide%20Pools/revert/${first}`]);
    expect(page).toContain(`aria-label="Revert to ${first.slice(0, 8)}"`);
  });

  it('compares any two revisions from the history with a GET form and no script', async () => {
    // Prepare
    const page = await (await t.get('/Tide%20Pools/history')).text();
    expect(page).toContain('<form method="get" action="/Tide%20Pools/diff">');
    expect(page).toContain(
      `<input type="radio" name="from" value="${first}" aria-label="from ${first.slice(0, 8)}" checked>`,
    );
    expect(page).toContain(
      `<input type="radio" name="to" value="${second}" aria-label="to ${second.slice(0, 8)}" checked>`,
    );
    // Act: what the browser sends for the checked radios
    const diff = await (await t.get(`/Tide%20Pools/diff?from=${first}&to=${second}`)).text();
    // Assess
    expect(diff).toMatch(/-One\./);
    expect(diff).toMatch(/\+Two\./);
  });

  it('puts no inline script or style on the action pages (strict CSP)', async () => {
    const paths = [
      '/Tide%20Pools',
      '/Tide%20Pools/history',
      '/Tide%20Pools/source',
      '/Tide%20Pools/rename',
      '/Tide%20Pools/delete',
      `/Tide%20Pools/revert/${first}`,
    ];
    for (const path of paths) {
      const response = await t.get(path, { browser: alice });
      const page = await response.text();
      const csp = response.headers.get('content-security-policy');
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(page).not.toMatch(/<script(?![^>]*\ssrc="\/-\/static\/)|<style|\sstyle=|\son[a-z]+=/i);
    }
  });
});
