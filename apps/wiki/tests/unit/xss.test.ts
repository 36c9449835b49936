import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isSafeUrl, renderMarkdown } from '@wikibot/wiki-render';
import { unsafeMarkup } from '../helpers/markup-check.js';
import { CORPUS } from '../helpers/xss-corpus.js';
import { openTestWiki, type TestWiki } from '../helpers/wiki-app.js';

const none = async (): Promise<ReadonlySet<string>> => new Set();

/** A `<script>` other than the wiki's own fingerprinted static files (the theme toggle on every page). */
const FOREIGN_SCRIPT = /<script(?![^>]*\ssrc="\/-\/static\/[a-z]+\.js\?v=[0-9a-f]{8}"[^>]*>\s*<\/script>)/i;

describe('rendering hostile Markdown', () => {
  it.each(CORPUS)('renders %s inert', async (_name, markdown) => {
    // Act
    const html = await renderMarkdown(markdown, none);
    // Assess
    expect(unsafeMarkup(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(iframe|svg|object|embed|style|form|meta|base|math)\b/i);
  });

  it('renders table alignment as classes, never as inline style (which the CSP would block)', async () => {
    const html = await renderMarkdown('| l | c | r |\n|:--|:-:|--:|\n| 1 | 2 | 3 |', none);
    expect(html).toContain('<th class="align-left">l</th>');
    expect(html).toContain('<td class="align-center">2</td>');
    expect(html).toContain('<td class="align-right">3</td>');
    expect(html).not.toContain('style=');
  });

  it('highlights fenced code only when it names a known language, and escapes it either way', async () => {
    // Prepare
    const plain = '```\nconst a = "<b>";\n```';
    const unknown = '```nosuchlang\nconst a = "<b>";\n```';
    const known = '```js\nconst a = "<b>";\n```';
    // Act (the plain block first: highlight.js is loaded only when a block names a language)
    const [plainHtml, unknownHtml, knownHtml] = [
      await renderMarkdown(plain, none),
      await renderMarkdown(unknown, none),
      await renderMarkdown(known, none),
    ];
    // Assess
    expect(plainHtml).toBe('<pre><code>const a = &quot;&lt;b&gt;&quot;;\n</code></pre>\n');
    expect(unknownHtml).toBe(
      '<pre><code class="language-nosuchlang">const a = &quot;&lt;b&gt;&quot;;\n</code></pre>\n',
    );
    expect(knownHtml).toContain('<span class="hljs-keyword">const</span>');
    expect(knownHtml).toContain('<span class="hljs-string">&quot;&lt;b&gt;&quot;</span>');
    expect(await renderMarkdown(plain, none)).toBe(plainHtml);
  });

  it('escapes raw HTML instead of dropping the text', async () => {
    expect(await renderMarkdown('<b>bold</b>', none)).toBe('<p>&lt;b&gt;bold&lt;/b&gt;</p>\n');
  });

  it('keeps ordinary links, relative links, mailto and https images', async () => {
    const html = await renderMarkdown(
      '[a](https://example.com) [b](/Home) [c](mailto:a@example.com) ![d](https://example.com/d.png)',
      none,
    );
    expect(html).toContain('href="https://example.com" rel="nofollow noopener noreferrer"');
    expect(html).toContain('href="/Home"');
    expect(html).toContain('href="mailto:a@example.com"');
    expect(html).toContain('src="https://example.com/d.png"');
  });

  it.each([
    ['javascript:alert(1)', false],
    [' JAVASCRIPT:alert(1)', false],
    ['java\u0000script:alert(1)', false],
    ['vbscript:x', false],
    ['data:image/png;base64,AAAA', false],
    ['file:///etc/passwd', false],
    ['javascript%3Aalert(1)', false],
    ['https://example.com', true],
    ['http://example.com', true],
    ['mailto:x@example.com', true],
    ['/Home', true],
    ['Page%20Name', true],
    ['#section', true],
  ])('isSafeUrl(%j) is %s', (url, expected) => {
    expect(isSafeUrl(url)).toBe(expected);
  });
});

describe('hostile pages served by the app', () => {
  let t: TestWiki;
  beforeAll(async () => {
    t = await openTestWiki();
  });
  afterAll(() => t.close());

  it('serves a page holding the whole corpus with no executable markup and a script-free CSP', async () => {
    // Prepare
    await t.wiki.writePage('Hostile', CORPUS.map(([, md]) => md).join('\n\n'), {
      author: { name: 'Mallory', email: 'mallory@example.com' },
    });
    // Act
    const response = await t.get('/Hostile');
    const html = await response.text();
    // Assess
    expect(response.status).toBe(200);
    const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
    expect(unsafeMarkup(article.replace(/^<article class="content">/, ''))).toEqual([]);
    expect(html).not.toMatch(FOREIGN_SCRIPT);
    // Scripts only from the wiki's own static files: nothing a page's text produces could run.
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval|nonce-|sha256-/);
  });

  it('escapes hostile page paths and titles everywhere they appear', async () => {
    await t.wiki.writePage(
      'Evil "><img src=x onerror=alert(1)>',
      '---\ntitle: "<script>alert(1)</script>"\n---\nbody',
      { author: { name: '<b>x</b>', email: 'x@example.com' } },
    );
    for (const path of [
      '/Evil%20%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      '/-/index',
      '/-/changelog',
      '/-/search?q=%3Cscript%3E',
    ]) {
      const html = await (await t.get(path)).text();
      expect(html).not.toMatch(FOREIGN_SCRIPT);
      expect(html).not.toMatch(/<img[^>]*onerror/i);
      expect(html).not.toContain('<b>x</b>');
    }
  });
});
