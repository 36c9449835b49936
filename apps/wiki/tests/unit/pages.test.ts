import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { git, openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';

const ALICE = { name: 'Alice', email: 'alice@example.com' };

describe('wiki pages (HTML UI on real repositories)', () => {
  let t: TestWiki;
  let alice: Browser;

  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn(ALICE.email, ALICE.name);
    await t.wiki.writePage(
      'Guide/Getting Started',
      '---\ntitle: Getting started\ntags: [intro, docs]\ncategory: Guides\n---\n# Getting started\n\nRead [[Home]] and [[the missing one|Nowhere Yet]].\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\nA note[^1].\n\n[^1]: The footnote.\n\n```js\nconst otter = 1;\n```\n',
      {
        author: ALICE,
        message: 'Add the guide',
      },
    );
  });
  afterAll(() => t.close());

  it('redirects / to /Home', async () => {
    const response = await t.get('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/Home');
  });

  it('renders a page with tables, task lists, footnotes, highlighted code and hidden frontmatter', async () => {
    const response = await t.get('/Guide/Getting%20Started');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<input class="task-list-item-checkbox" checked="" disabled="" type="checkbox">/);
    expect(html).toContain('class="footnotes');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).not.toContain('category: Guides\n');
    expect(html).not.toContain('tags: [intro');
    expect(html).toContain('href="/-/index?tag=intro"');
  });

  it('renders WikiLinks as links to / plus the encoded target, missing targets as red links', async () => {
    const html = await (await t.get('/Guide/Getting%20Started')).text();
    expect(html).toContain('<a href="/Home" class="wikilink">Home</a>');
    expect(html).toContain('<a href="/Nowhere%20Yet" class="wikilink missing">the missing one</a>');
  });

  it('marks missing targets the same way on pages with many links', async () => {
    // Prepare: more links than are checked one by one
    const links = Array.from({ length: 30 }, (_, i) => `[[Many ${i}]]`).join(' ');
    await t.wiki.writePage('Many 3', '# three', { author: ALICE });
    await t.wiki.writePage('Many Links', `${links} [[home]]`, { author: ALICE });
    // Act
    const html = await (await t.get('/Many%20Links')).text();
    // Assess
    expect(html).toContain('<a href="/Many%203" class="wikilink">Many 3</a>');
    expect(html).toContain('<a href="/home" class="wikilink">home</a>');
    expect(html).toContain('<a href="/Many%204" class="wikilink missing">Many 4</a>');
    expect(html.match(/wikilink missing/g)).toHaveLength(29);
  });

  it('looks pages up case-insensitively and accepts a .md suffix', async () => {
    for (const path of ['/guide/getting%20started', '/GUIDE/GETTING%20STARTED', '/Guide/Getting%20Started.md']) {
      const response = await t.get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Getting started');
    }
  });

  it('answers a missing page with 404 and an offer to create it', async () => {
    const response = await t.get('/Not%20Here');
    const html = await response.text();
    expect(response.status).toBe(404);
    expect(html).toContain('href="/Not%20Here/edit"');
    expect(html).toContain('Create Not Here');
  });

  it('sends anonymous editors to sign in, and shows signed-in writers the edit form with the base revision', async () => {
    const anonymous = await t.get('/Home/edit');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/-/login?return_to=%2FHome%2Fedit');

    const head = await t.wiki.readPage('Home');
    const html = await (await t.get('/Home/edit', { browser: alice })).text();
    expect(html).toContain(`name="base" value="${head.revision}"`);
    expect(html).toContain(`name="csrf" value="${alice.csrf}"`);
    expect(html).toContain('<textarea class="source" id="content" name="content"');
  });

  it('saves an edit as one commit by the signed-in user and redirects to the page', async () => {
    // Prepare
    const base = (await t.wiki.readPage('Home')).revision;
    // Act
    const response = await t.postForm(
      '/Home/save',
      { csrf: alice.csrf, base, content: '# Home\r\n\r\nEdited in the browser.\r\n', message: 'Say hello' },
      { browser: alice },
    );
    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/Home');
    const page = await t.wiki.readPage('Home');
    expect(page.content).toBe('# Home\n\nEdited in the browser.\n');
    expect(await git(t.dir, 'log', '-1', '--format=%an <%ae>|%s')).toBe('Alice <alice@example.com>|Say hello\n');
  });

  it('creates a new page from the edit form', async () => {
    const response = await t.postForm(
      '/Projects/Otters/save',
      { csrf: alice.csrf, base: '', content: '# Otters\n\nThey hold hands.\n' },
      { browser: alice },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/Projects/Otters');
    expect(await git(t.dir, 'show', 'HEAD:projects/otters.md')).toBe('# Otters\n\nThey hold hands.\n');
  });

  it('refuses a save based on an old revision with a 409 page showing what changed and keeping the text', async () => {
    // Prepare
    const base = (await t.wiki.readPage('Home')).revision;
    await t.wiki.writePage('Home', '# Home\n\nSomeone else was faster.\n', {
      author: { name: 'Bob', email: 'bob@example.com' },
    });
    // Act
    const response = await t.postForm(
      '/Home/save',
      { csrf: alice.csrf, base, content: '# Home\n\nMy slower edit.\n' },
      { browser: alice },
    );
    // Assess
    const html = await response.text();
    expect(response.status).toBe(409);
    expect(html).toContain('Someone else changed this page');
    expect(html).toContain('<span class="add">+Someone else was faster.</span>');
    expect(html).toContain('My slower edit.');
    // The page tree beside it, as beside the editor, the page marked.
    expect(html).toContain('<a href="/Home" aria-current="page">Home</a>');
    expect((await t.wiki.readPage('Home')).content).toContain('Someone else was faster.');
  });

  it('lists a page history with revisions that open and diff', async () => {
    const history = await t.wiki.history('Home');
    const html = await (await t.get('/Home/history')).text();
    expect(html).toContain('Say hello');
    expect(html).toContain(`href="/Home/revision/${history[1].revision}"`);

    const old = await t.get(`/Home/revision/${history[1].revision}`);
    expect(old.status).toBe(200);
    expect(await old.text()).toContain('Edited in the browser.');
    const viaQuery = await t.get(`/Home?revision=${history[1].revision.slice(0, 8)}`);
    expect(await viaQuery.text()).toContain('Edited in the browser.');

    const diff = await t.get(`/Home/diff?from=${history[1].revision}&to=${history[0].revision}`);
    const diffHtml = await diff.text();
    expect(diff.status).toBe(200);
    expect(diffHtml).toContain('<span class="del">-Edited in the browser.</span>');
    expect(diffHtml).toContain('<span class="add">+Someone else was faster.</span>');
  });

  it('answers an unknown revision with 404 and a malformed one with 400', async () => {
    expect((await t.get('/Home/revision/0123456789abcdef0123456789abcdef01234567')).status).toBe(404);
    expect((await t.get('/Home/revision/not-a-sha')).status).toBe(400);
    expect((await t.get('/Home/diff')).status).toBe(400);
  });

  it('searches with ?q= and with /-/search/<query>', async () => {
    for (const path of ['/-/search?q=otters', '/-/search/otters']) {
      const html = await (await t.get(path)).text();
      expect(html).toContain('href="/Projects/Otters"');
    }
  });

  it('shows the changelog and the grouped index', async () => {
    const changelog = await (await t.get('/-/changelog')).text();
    expect(changelog).toContain('Add the guide');
    // Otterwiki's name: the heading "# Getting started" spells the last segment.
    expect(changelog).toContain('<a href="/Guide/Getting%20started">Guide/Getting started</a>');
    const index = await (await t.get('/-/index')).text();
    expect(index).toContain('<h2>Guide</h2>');
    expect(index).toContain('<h2>Projects</h2>');
    const filtered = await (await t.get('/-/index?tag=intro')).text();
    expect(filtered).toContain('1 page with tag “intro”');
  });

  it('asks for a page name on /-/create and goes to its edit page', async () => {
    expect(await (await t.get('/-/create')).text()).toContain('name="name"');
    const response = await t.get('/-/create?name=New%20Thing');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/New%20Thing/edit');
    expect((await t.get('/-/create?name=..%2Fetc')).status).toBe(400);
  });

  it('answers health checks and serves the stylesheet with a long cache', async () => {
    const health = await t.get('/-/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const css = await t.get('/-/static/wiki.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await css.text()).toContain('.wikilink.missing');
  });

  it('serves an icon at /favicon.ico, where browsers ask for it, instead of a 404', async () => {
    const icon = await t.get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    expect(Buffer.from(await icon.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  });

  it('does not render the whole page tree in the sidebar', async () => {
    const html = await (await t.get('/Home')).text();
    expect(html).not.toContain('/Projects/Otters');
  });

  it('answers unknown site pages with 404', async () => {
    expect((await t.get('/-/nope')).status).toBe(404);
  });
});
