/**
 * The sidebar: heading ids as An Otter Wiki slugs them and a table of contents that links to them; the page tree
 * (top level and the current page's branch, current page marked, closed folders loadable from `/-/tree`), bounded
 * per level so a wiki of thousands of pages keeps each view small.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { renderPage, slugify } from '@wikibot/wiki-render';
import { MAX_LEVEL_ENTRIES } from '../../src/views/page-tree.js';
import { openTestWiki, type TestWiki } from '../helpers/wiki-app.js';

const ALICE = { name: 'Alice', email: 'alice@example.com' };
const none = async () => new Set<string>();

/** The part of a page between two markers. */
function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  return from < 0 ? '' : html.slice(from, html.indexOf(end, from));
}

describe('heading ids and the table of contents', () => {
  it.each([
    ['Getting Started', 'getting-started'],
    ['  Café & Crème, part 2!  ', 'cafe-creme-part-2'],
    ['snake_case and-hyphens -- here', 'snake_case-and-hyphens-here'],
    ['日本語', 'section'],
  ])('slugs %j as An Otter Wiki does: %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('gives every heading a unique id, Otterwiki-style suffixes, never an id of the page frame', async () => {
    const markdown =
      '# Intro\n\n## Use\n\n## Use\n\n## Use-1\n\n## `code` and *emphasis*\n\n## Theme toggle\n\n## Content\n';
    const { html, toc } = await renderPage(markdown, none);
    expect(toc.map((t) => [t.level, t.text, t.id])).toEqual([
      [1, 'Intro', 'intro'],
      [2, 'Use', 'use'],
      [2, 'Use', 'use-1'],
      [2, 'Use-1', 'use-1-1'],
      [2, 'code and emphasis', 'code-and-emphasis'],
      [2, 'Theme toggle', 'theme-toggle-1'],
      [2, 'Content', 'content-1'],
    ]);
    for (const t of toc) expect(html).toContain(`<h${t.level} id="${t.id}">`);
  });

  it('links a WikiLink with a #fragment to the heading of that name, slugged the same way', async () => {
    const { html } = await renderPage('See [[Guide#Getting Started!]] and [[Guide#Café & Co]].\n', none);
    expect(html).toContain('<a href="/Guide#getting-started"');
    expect(html).toContain('<a href="/Guide#cafe-co"');
  });

  it('shows the table of contents beside the page, each entry linking to a heading the page has', async () => {
    const t = await openTestWiki();
    try {
      await t.wiki.writePage('Guide', '# Guide\n\n## Install <now>\n\n### On Linux\n\n## Use\n', { author: ALICE });
      const html = await (await t.get('/Guide')).text();
      const toc = between(html, '<nav class="toc"', '</nav>');
      const targets = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
      expect(targets).toEqual(['guide', 'install-now', 'on-linux', 'use']);
      for (const id of targets) expect(html).toContain(` id="${id}">`);
      expect(toc).toContain('>Install &lt;now&gt;</a>');
      // A page with one heading has no table of contents.
      await t.wiki.writePage('Short', '# Short\n\nText.\n', { author: ALICE });
      expect(await (await t.get('/Short')).text()).not.toContain('class="toc"');
    } finally {
      await t.close();
    }
  });
});

describe('the page tree', () => {
  let t: TestWiki;

  beforeAll(async () => {
    t = await openTestWiki();
    for (const path of ['Alpha', 'Beta/One', 'Beta/Two', 'Projects', 'Projects/Wikibot', 'Projects/Wikibot/Guide'])
      await t.wiki.writePage(path, `# ${path.split('/').pop()}\n\nText.\n`, { author: ALICE });
    await t.wiki.writePage('Projects/Wikibot/Deep/Leaf', 'Leaf.\n', { author: ALICE });
  });
  afterAll(() => t.close());

  it('shows the top level and the open branch to the current page, marked with aria-current', async () => {
    const html = await (await t.get('/Projects/Wikibot/Guide')).text();
    const tree = between(html, '<nav class="tree"', '</aside>');
    expect(tree).toContain('<a href="/Alpha">Alpha</a>');
    expect(tree).toContain('<a href="/Projects/Wikibot/Guide" aria-current="page">Guide</a>');
    expect(tree.match(/aria-current/g)).toHaveLength(1);
    // Ancestors open, with their entries; another folder closed, holding only a link to its listing.
    expect(tree).toContain('<details data-tree="Projects" open>');
    expect(tree).toContain('<details data-tree="Projects/Wikibot" open>');
    expect(tree).toMatch(
      /<details data-tree="Beta"><summary>[^]*?<a href="\/-\/index\?prefix=Beta%2F">All pages under Beta<\/a>/,
    );
    expect(tree).not.toContain('/Beta/One');
    expect(tree).toMatch(/<details data-tree="Projects\/Wikibot\/Deep"><summary>/);
    // Without JS everything is a link; with it, nav.js loads closed folders.
    expect(html).toMatch(/<script src="\/-\/static\/nav\.js\?v=[0-9a-f]{8}" defer><\/script>/);
  });

  it("answers /-/tree?path= with the folder's entries, as the lazy loader inserts them", async () => {
    const response = await t.get('/-/tree?path=Beta');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(
      '<ul><li><a href="/Beta/One">One</a></li><li><a href="/Beta/Two">Two</a></li></ul>',
    );
    expect(await (await t.get('/-/tree?path=beta')).text()).toContain('/Beta/One');
    expect(await (await t.get('/-/tree?path=Nothing')).text()).toBe('<ul></ul>');
    expect((await t.get('/-/tree?path=..%2Fetc')).status).toBe(400);
    expect((await t.get('/-/tree/x')).status).toBe(404);
  });

  it('serves nav.js as a cached asset', async () => {
    const html = await (await t.get('/Alpha')).text();
    const src = /<script src="(\/-\/static\/nav\.js\?v=[0-9a-f]+)"/.exec(html)![1]!;
    const response = await t.get(src);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toContain('/-/tree?path=');
  });

  it('shows the tree on a folder listing too, the folder open', async () => {
    const html = await (await t.get('/Beta')).text();
    expect(html).toContain('<details data-tree="Beta" open>');
    expect(html).toContain('<a href="/Beta/One">One</a>');
  });

  it('shows the tree on the history and diff of a page, and history rows link to the commit view', async () => {
    const [first] = await t.wiki.history('Beta/One');
    const second = await t.wiki.writePage('Beta/One', '# One\n\nChanged.\n', { author: ALICE });
    const history = await (await t.get('/Beta/One/history')).text();
    expect(history).toContain('<a href="/Beta/One" aria-current="page">One</a>');
    const short = second.revision.slice(0, 8);
    expect(history).toContain(`<a href="/-/commit/${second.revision}" aria-label="Commit ${short}">commit</a>`);
    expect((await t.get(`/-/commit/${second.revision}`)).status).toBe(200);
    const diff = await (await t.get(`/Beta/One/diff?from=${first!.revision}`)).text();
    expect(diff).toContain('<details data-tree="Beta" open>');
    expect(diff).toContain('<span class="add">+Changed.</span>');
  });

  it('shows the tree on the edit page, a missing page and the site pages, the current page marked', async () => {
    const alice = await t.signIn('alice@example.com', 'Alice');
    const at = async (path: string, status = 200) => {
      const response = await t.get(path, { browser: alice });
      expect([path, response.status]).toEqual([path, status]);
      const html = await response.text();
      // Laid out as on a page view: the frame, the loader for closed folders, the top bar as wide as the frame.
      expect(html).toContain('<body class="with-sidebar">');
      expect(html).toMatch(/<script src="\/-\/static\/nav\.js\?v=[0-9a-f]{8}" defer><\/script>/);
      const tree = between(html, '<nav class="tree"', '</aside>');
      expect(tree).toContain('<a href="/Alpha"');
      return { tree, marked: [...tree.matchAll(/<a href="([^"]+)" aria-current="page">/g)].map((m) => m[1]) };
    };
    // An existing page's editor marks it (asked in another case) and opens its branch.
    const edit = await at('/projects/wikibot/guide/edit');
    expect(edit.marked).toEqual(['/Projects/Wikibot/Guide']);
    expect(edit.tree).toContain('<details data-tree="Projects/Wikibot" open>');
    // A page to be created, or missing (viewed or asked for a form), is in no tree: nothing marked, its folder open.
    const missingForms = ['/Beta/Three/rename', '/Beta/Three/delete', '/Beta/Three/attachments'];
    const missingPages = [await at('/Beta/Three', 404), ...(await Promise.all(missingForms.map((p) => at(p, 404))))];
    for (const missing of [await at('/Beta/Three/edit'), ...missingPages]) {
      expect(missing.marked).toEqual([]);
      expect(missing.tree).toContain('<details data-tree="Beta" open>');
      expect(missing.tree).toContain('<a href="/Beta/One">One</a>');
    }
    // Site pages: the top level, no page marked.
    for (const path of ['/-/changelog', '/-/search?q=text', '/-/search', '/-/index', '/-/index?prefix=Beta%2F']) {
      const site = await at(path);
      expect([path, site.marked]).toEqual([path, []]);
      expect(site.tree).toContain('<details data-tree="Beta"><summary>');
    }
    // Pages without a sidebar keep the plain frame.
    const create = await (await t.get('/-/create', { browser: alice })).text();
    expect(create).toContain('<body>');
    expect(create).not.toContain('class="tree"');
  });

  it("keeps a private wiki's tree private", async () => {
    const closed = await openTestWiki({ WIKI_READ_ACCESS: 'signed-in' });
    try {
      const response = await closed.get('/-/tree?path=');
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toContain('/-/login');
    } finally {
      await closed.close();
    }
  });
});

describe('the page tree of a wiki with thousands of pages at one level', () => {
  const PAGES = 3000;
  const name = (i: number) => `Page ${String(i).padStart(5, '0')}`;
  let t: TestWiki;

  beforeAll(async () => {
    const pages = new Map<string, string>();
    for (let i = 0; i < PAGES; i++) pages.set(name(i), `Text ${i}.\n`);
    t = await openTestWiki({}, {}, { initialContent: { pages, message: 'import' } });
  }, 120_000);
  afterAll(() => t.close());

  it('shows at most MAX_LEVEL_ENTRIES per level, a window around the current page, with links to the rest', async () => {
    const html = await (await t.get(`/${encodeURIComponent(name(1500))}`)).text();
    const tree = between(html, '<nav class="tree"', '</nav>');
    const entries = [...tree.matchAll(/<li><a href="\/Page%20(\d+)"/g)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(MAX_LEVEL_ENTRIES);
    expect(entries).toContain(1500);
    expect(Math.min(...entries)).toBeGreaterThan(1400);
    expect(tree).toMatch(/<li class="more"><a href="\/-\/index">\d+ more before<\/a><\/li>/);
    expect(tree).toMatch(/<li class="more"><a href="\/-\/index">\d+ more after<\/a><\/li>/);
    // The whole view, compressed, stays far below the 60 KB a page view may transfer with its CSS and scripts.
    expect(gzipSync(html).length).toBeLessThan(10_000);
  });

  it('answers /-/tree for the top level with the first window and a link to the index', async () => {
    const fragment = await (await t.get('/-/tree?path=')).text();
    expect(fragment.match(/<li><a /g)).toHaveLength(MAX_LEVEL_ENTRIES);
    expect(fragment).toContain(`<a href="/-/index">${PAGES - MAX_LEVEL_ENTRIES} more after</a>`);
  });
});
