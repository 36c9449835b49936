/**
 * `/-/commit/<sha>`: a commit's message, author, date, parent and changed files with their diffs; every link it shows
 * opens; unknown or invalid ids are a 404; a huge commit stays under 1 MB.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wiki } from '@wikibot/wiki-core';
import { git, openTestWiki, type TestWiki } from '../helpers/wiki-app.js';

const ALICE = { name: 'Alice & "Co"', email: 'alice@example.com' };
const MB = 1_000_000;

/** The local links of a page's main part. */
function links(html: string): string[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return [...main.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('the commit view', () => {
  let t: TestWiki;
  let renamed: string;
  let deleted: string;

  beforeAll(async () => {
    t = await openTestWiki();
    await t.wiki.writePage('Old Name', '# Old Name\n\nfirst line\n', { author: ALICE });
    await t.wiki.writeAttachment('Old Name', 'pic.png', new Uint8Array([137, 80, 78, 71]), { author: ALICE });
    renamed = (await t.wiki.renamePage('Old Name', 'New Name', { author: ALICE, message: 'Move <it>\n\nwhy: tidy' }))
      .revision;
    await t.wiki.writePage('Gone', 'bye\n', { author: ALICE });
    deleted = (await t.wiki.deletePage('Gone', { author: ALICE })).revision;
  });
  afterAll(() => t.close());

  it('shows message, author, date, parent and each changed file with its diff, all escaped', async () => {
    const response = await t.get(`/-/commit/${renamed}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<pre class="commit-message">Move &lt;it&gt;\n\nwhy: tidy</pre>');
    expect(html).toContain('<dd>Alice &amp; &quot;Co&quot;</dd>');
    const parent = (await git(t.dir, 'rev-parse', `${renamed}^`)).trim();
    expect(html).toContain(`<a href="/-/commit/${parent}"><code>${parent.slice(0, 8)}</code></a>`);
    const files = (await git(t.dir, 'show', '--no-renames', '--format=', '--name-only', renamed)).trim().split('\n');
    expect(files.sort()).toEqual(['new name.md', 'new name/pic.png', 'old name.md', 'old name/pic.png']);
    for (const file of files) expect(html).toContain(`>${file}</a>`);
    expect(html).toContain('<span class="add">+first line</span>');
    expect(html).toContain('<span class="del">-first line</span>');
    expect(html).toContain(`<a href="/New%20Name/revision/${renamed}">page at this commit</a>`);
    expect(html).toContain(`<a href="/Old%20Name/revision/${parent}">last version</a>`);
  });

  it('links only to what exists, for a rename and for a delete', async () => {
    for (const sha of [renamed, deleted]) {
      const all = links(await (await t.get(`/-/commit/${sha}`)).text()).filter((l) => !l.includes('#'));
      expect(all.length).toBeGreaterThan(0);
      const statuses = await Promise.all(all.map(async (l) => [l, (await t.get(l)).status]));
      expect(statuses.filter(([, s]) => s !== 200)).toEqual([]);
    }
  });

  it('takes an abbreviated id', async () => {
    expect((await t.get(`/-/commit/${deleted.slice(0, 7)}`)).status).toBe(200);
  });

  it.each([
    ['an unknown id', '/-/commit/0123456789abcdef0123456789abcdef01234567'],
    ['a short unknown id', '/-/commit/fffff'],
    ['a non-hex id', '/-/commit/not-a-sha'],
    ['a too long id', `/-/commit/${'a'.repeat(41)}`],
    ['no id', '/-/commit'],
    ['two segments', '/-/commit/abcd/ef01'],
  ])('answers %s with a clear 404 page', async (_, path) => {
    const response = await t.get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('no commit');
  });

  it("answers a blob's id with a 404", async () => {
    const blob = (await git(t.dir, 'rev-parse', `${renamed}:new name.md`)).trim();
    expect((await t.get(`/-/commit/${blob}`)).status).toBe(404);
  });

  it('refuses POST with a 405', async () => {
    expect((await t.postForm(`/-/commit/${renamed}`, {})).status).toBe(405);
  });
});

describe('the commit view of a huge commit', () => {
  it('stays under 1 MB with long names and diffs full of characters that escape', async () => {
    const pages = new Map<string, string>();
    const long = 'Ä&'.repeat(80);
    for (let i = 0; i < 600; i++) pages.set(`${long}/${long}${i}/${long}`, `${'"<&>'.repeat(50)}\n`.repeat(40));
    const dir = await mkdtemp(join(tmpdir(), 'wikibot-commit-view-'));
    const big = await Wiki.open({ dir, durable: false, initialContent: { pages, message: 'import' } });
    try {
      const head = await big.head();
      const details = await big.commit(head);
      expect(details.files.length).toBeGreaterThan(400);
      const { commitPage } = await import('../../src/views/commit.js');
      const { ANONYMOUS } = await import('../../src/views/layout.js');
      const html = commitPage({ details, viewer: ANONYMOUS }).value;
      expect(Buffer.byteLength(html)).toBeLessThan(MB);
      expect(html).toMatch(/\d+ more changed files are not listed/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
