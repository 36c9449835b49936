import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EDITOR_JS } from '../../src/static/editor-js.js';
import { unsafeMarkup } from '../helpers/markup-check.js';
import { ORIGIN, openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';
import { CORPUS } from '../helpers/xss-corpus.js';

const author = { name: 'Alice', email: 'alice@example.com' };

describe('the editor: live preview and its script', () => {
  let t: TestWiki;
  let alice: Browser;
  let reader: Browser;

  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn('alice@example.com');
    reader = await t.signIn('reader@elsewhere.org');
    await t.wiki.writePage('Existing', '# Existing\n', { author });
  });
  afterAll(() => t.close());

  const preview = (content: string, browser: Browser | undefined, extra: Record<string, string> = {}) =>
    t.postForm('/-/preview', { csrf: browser?.csrf ?? '', path: 'Notes/Draft', content, ...extra }, { browser });

  it('renders Markdown as the page view does: WikiLinks marked, ./a/ relative to the page, no frontmatter', async () => {
    // Act
    const md = '---\ntitle: T\n---\n**bold** [[Existing]] [[Missing Page]]\n\n![d](./a/d.png)\n\n| a |\n|:-:|\n| 1 |';
    const response = await preview(md, alice);
    const html = await response.text();
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toMatch(/<a href="\/Existing"(?![^>]*missing)[^>]*>Existing<\/a>/);
    expect(html).toMatch(/<a href="\/Missing%20Page" class="wikilink missing"/);
    expect(html).toContain('src="/Notes/Draft/a/d.png"');
    expect(html).toContain('class="align-center"');
    expect(html).not.toContain('title: T');
  });

  it('renders every entry of the hostile corpus inert', async () => {
    // Act
    const response = await preview(CORPUS.map(([, md]) => md).join('\n\n'), alice);
    const html = await response.text();
    // Assess
    expect(response.status).toBe(200);
    expect(unsafeMarkup(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<iframe|<style/i);
  });

  it('refuses a post without the session CSRF token, from another site, anonymous or by a reader', async () => {
    // Act
    const refusals = [
      await preview('x', alice, { csrf: '' }),
      await preview('x', alice, { csrf: reader.csrf }),
      await t.postForm(
        '/-/preview',
        { csrf: alice.csrf, content: 'x' },
        { browser: alice, headers: { origin: 'https://evil.example' } },
      ),
      await t.postForm(
        '/-/preview',
        { csrf: alice.csrf, content: 'x' },
        { browser: alice, headers: { 'sec-fetch-site': 'cross-site' } },
      ),
      await preview('x', undefined),
      await preview('x', reader),
    ];
    // Assess
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    for (const r of refusals) expect(await r.text()).not.toMatch(/at .*\.ts:\d+/);
  });

  it("bounds the text: over a page's 1 MB is a 413, a GET is a 405, a bad page name a 400", async () => {
    // Act
    const tooLong = await preview('a'.repeat(1_048_577), alice);
    const get = await t.get('/-/preview', { browser: alice });
    const badPath = await preview('x', alice, { path: '../etc' });
    // Assess
    expect(tooLong.status).toBe(413);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(badPath.status).toBe(400);
  });

  it('loads the editor script on edit pages only', async () => {
    // Act
    const edit = await (await t.get('/Existing/edit', { browser: alice })).text();
    const create = await (await t.get('/Brand%20New/edit', { browser: alice })).text();
    const others = await Promise.all(
      ['/Existing', '/Existing/history', '/-/index', '/-/changelog', '/-/search?q=x'].map(async (path) => {
        const response = await t.get(path, { browser: alice });
        return { path, status: response.status, html: await response.text() };
      }),
    );
    // Assess
    for (const page of [edit, create]) {
      expect(page).toMatch(/<script src="\/-\/static\/editor\.js\?v=[0-9a-f]{8}" defer><\/script>/);
      expect(page).toContain('data-preview="/-/preview"');
    }
    for (const page of others) {
      expect(page.status).toBe(200);
      expect(page.html).not.toMatch(/editor\.js/);
      expect(page.html).not.toMatch(/<script(?![^>]*src="\/-\/static\/[a-z]+\.js\?v=[0-9a-f]{8}")/); // only static files
    }
  });

  it('serves the script fingerprinted and cached for a year, and it parses', async () => {
    // Prepare
    const src = /<script src="(\/-\/static\/editor\.js[^"]*)"/.exec(
      await (await t.get('/Existing/edit', { browser: alice })).text(),
    )![1];
    // Act
    const response = await t.app.fetch(new Request(`${ORIGIN}${src}`));
    const body = await response.text();
    const again = await t.app.fetch(
      new Request(`${ORIGIN}${src}`, { headers: { 'if-none-match': response.headers.get('etag')! } }),
    );
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(body).toBe(EDITOR_JS);
    expect(() => new Script(body)).not.toThrow();
    expect(again.status).toBe(304);
  });
});
