import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { THEME_JS_URL } from '../../src/static/asset-urls.js';
import { THEME_JS, THEME_JS_VERSION } from '../../src/static/theme-js.js';
import { WIKI_CSS } from '../../src/static/wiki-css.js';
import { openTestWiki, type TestWiki } from '../helpers/wiki-app.js';

describe('the theme toggle under the strict CSP', () => {
  let t: TestWiki;

  beforeAll(async () => {
    t = await openTestWiki();
    await t.wiki.writePage('Home', '# Home', { author: { name: 'Alice', email: 'alice@example.com' } });
  });
  afterAll(() => t.close());

  it('serves the script fingerprinted, cached for a year, revalidated by its hash', async () => {
    const response = await t.get(THEME_JS_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(THEME_JS);
    const again = await t.get(THEME_JS_URL, { headers: { 'if-none-match': `"${THEME_JS_VERSION}"` } });
    expect(again.status).toBe(304);
    expect(THEME_JS_URL).toMatch(/^\/-\/static\/theme\.js\?v=[0-9a-f]{8}$/);
  });

  it('allows scripts from the wiki itself only, and nothing inline', async () => {
    const response = await t.get('/Home');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp.split('; ')).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|nonce-|sha256-/);
  });

  it('links the script from every page with a hidden, labelled toggle button and no inline code', async () => {
    for (const path of ['/Home', '/Missing', '/-/search?q=x', '/-/changelog', '/-/index']) {
      const html = await (await t.get(path)).text();
      expect(html).toContain(`<script src="${THEME_JS_URL}"></script>`);
      expect(html).toContain('<button type="button" id="theme-toggle" class="theme-toggle" hidden>Theme</button>');
      // Every script is one of the wiki's own files (pages with a sidebar also load the page tree's nav.js).
      const own = html.match(/<script src="\/-\/static\/(theme|nav)\.js\?v=[0-9a-f]{8}"( defer)?><\/script>/g);
      expect(own).toHaveLength(html.match(/<script/g)!.length);
      expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    }
  });

  it('colours the page dark when chosen, or when the OS asks and light was not chosen', () => {
    expect(WIKI_CSS).toContain(':root[data-theme=dark]{color-scheme:dark;--fg:#e6edf3');
    expect(WIKI_CSS).toContain('@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--fg:#e6edf3');
    expect(WIKI_CSS).toContain(':root[data-theme=light]{color-scheme:light}');
  });
});
