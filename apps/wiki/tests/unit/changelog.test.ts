import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { git, openTestWiki, type TestWiki } from '../helpers/wiki-app.js';

const ALICE = { name: 'Alice', email: 'alice@example.com' };
/** Commits written: more than two changelog pages of 100. */
const COMMITS = 205;

/** The revision ids a changelog page lists, in order. */
function listed(html: string): string[] {
  return [...html.matchAll(/<td class="rev"><a href="\/-\/commit\/[0-9a-f]{40}">([0-9a-f]{8})<\/a><\/td>/g)].map(
    (m) => m[1]!,
  );
}

describe('the changelog: paging and links to each commit', () => {
  let t: TestWiki;
  let log: string[];

  beforeAll(async () => {
    t = await openTestWiki();
    for (let i = 0; i < COMMITS; i++)
      await t.wiki.writePage(i % 2 ? 'Odd Page' : 'Even', `version ${i}\n`, { author: ALICE, message: `change ${i}` });
    log = (await git(t.dir, 'log', '--first-parent', '--format=%H')).trim().split('\n');
  }, 120_000);
  afterAll(() => t.close());

  it('shows the newest 100 commits first, then pages through the rest with ?page=N', async () => {
    const pages = await Promise.all(
      ['/-/changelog', '/-/changelog?page=2', '/-/changelog?page=3'].map(async (p) => (await t.get(p)).text()),
    );
    expect(pages.map(listed)).toEqual(
      [log.slice(0, 100), log.slice(100, 200), log.slice(200)].map((ids) => ids.map((id) => id.slice(0, 8))),
    );
    expect(pages[0]).toContain('<a href="/-/changelog?page=2" rel="next">Older changes</a>');
    expect(pages[0]).not.toContain('rel="prev"');
    expect(pages[1]).toContain('<a href="/-/changelog" rel="prev">Newer changes</a>');
    expect(pages[1]).toContain('<a href="/-/changelog?page=3" rel="next">');
    expect(pages[2]).not.toContain('rel="next"');
  });

  it("links each commit to its commit view, each page to itself and to the commit's diff against its parent", async () => {
    const first = await (await t.get('/-/changelog')).text();
    const [newest, parent] = log;
    expect(first).toContain(`<a href="/-/commit/${newest}">${newest!.slice(0, 8)}</a>`);
    expect(first).toContain(`<a href="/Even">Even</a> (<a href="/Even/diff?from=${parent}&amp;to=${newest}">diff</a>)`);
    // The last row of a page still gets its diff: its parent is the first row of the next page.
    const second = await (await t.get('/-/changelog?page=2')).text();
    expect(second).toContain(`/diff?from=${log[200]}&amp;to=${log[199]}`);
    // The repository's first commit has no parent, so no diff link.
    const last = await (await t.get('/-/changelog?page=3')).text();
    const root = log[log.length - 1]!;
    expect(last).toContain(`/-/commit/${root}"`);
    expect(last).not.toContain(`to=${root}`);
  });

  it('opens what the links point to', async () => {
    const [newest, parent] = log;
    expect((await t.get(`/-/commit/${newest}`)).status).toBe(200);
    const diff = await (await t.get(`/Even/diff?from=${parent}&to=${newest}`)).text();
    expect(diff).toContain('<span class="add">+version 204</span>');
  });

  it.each(['0', '-1', 'two', '1e3', ''])('refuses ?page=%s with a 400', async (page) => {
    expect((await t.get(`/-/changelog?page=${page}`)).status).toBe(400);
  });

  it('answers 404 past the last page', async () => {
    expect((await t.get('/-/changelog?page=4')).status).toBe(404);
  });
});

describe('the changelog after a rename and a delete', () => {
  it('links only to what exists: no link from a row leads to a 404', async () => {
    const t = await openTestWiki();
    try {
      await t.wiki.writePage('Old Name', '# Old Name\n\nx\n', { author: ALICE });
      await t.wiki.writePage('Old Name', '# Old Name\n\ny\n', { author: ALICE });
      await t.wiki.renamePage('Old Name', 'New Name', { author: ALICE });
      await t.wiki.writePage('Gone', 'bye\n', { author: ALICE });
      await t.wiki.deletePage('Gone', { author: ALICE });
      const html = await (await t.get('/-/changelog')).text();
      const table = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
      const links = [...table.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
      expect(links.length).toBeGreaterThan(10);
      const statuses = await Promise.all(links.map(async (l) => [l, (await t.get(l)).status]));
      expect(statuses.filter(([, status]) => status !== 200)).toEqual([]);
      // The pages that are gone are still named, just not linked.
      expect(table).toContain('Gone (<a href="/Gone/diff?');
      expect(table).toContain('Old Name (<a href="/Old%20Name/diff?');
    } finally {
      await t.close();
    }
  });
});
