import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { renderMarkdown } from '../../src/render/markdown.js';
import { isSafeUrl } from '../../src/render/safe-url.js';
import { unsafeMarkup } from '../helpers/markup-check.js';
import { openTestWiki, type TestWiki } from '../helpers/wiki-app.js';

const none = async (): Promise<ReadonlySet<string>> => new Set();

const CORPUS: [string, string][] = [
  ['script tag', '<script>alert(1)</script>'],
  ['script tag inline', 'Hello <script src="https://evil.example/x.js"></script> world'],
  ['event handler on img', '<img src=x onerror=alert(1)>'],
  ['event handler on div', '<div onmouseover="alert(1)">hover</div>'],
  ['svg with onload', '<svg onload=alert(1)><circle r="10"/></svg>'],
  ['svg script', '<svg><script>alert(1)</script></svg>'],
  ['iframe', '<iframe src="javascript:alert(1)"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['object/embed', '<object data="x.swf"></object><embed src="x.swf">'],
  ['style tag', '<style>body{display:none}</style>'],
  ['html comment then script', '<!-- x --><script>alert(1)</script>'],
  ['raw link with javascript', '<a href="javascript:alert(1)">x</a>'],
  ['markdown javascript link', '[click](javascript:alert(1))'],
  ['markdown JavaScript link, mixed case', '[click](JaVaScRiPt:alert(1))'],
  ['markdown vbscript link', '[click](vbscript:msgbox(1))'],
  ['markdown data link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['markdown file link', '[click](file:///etc/passwd)'],
  ['entity-encoded scheme', '[click](jav&#x61;script:alert(1))'],
  ['decimal entity scheme', '[click](&#106;avascript:alert(1))'],
  ['entity colon', '[click](javascript&colon;alert(1))'],
  ['tab inside scheme', '[click](java\tscript:alert(1))'],
  ['percent-encoded scheme', '[click](javascript%3Aalert(1))'],
  ['data image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['data png image', '![x](data:image/png;base64,iVBORw0KGgo=)'],
  ['javascript image', '![x](javascript:alert(1))'],
  ['autolink javascript', '<javascript:alert(1)>'],
  ['autolink data', '<data:text/html,<script>alert(1)</script>>'],
  ['reference-style javascript link', '[click][evil]\n\n[evil]: javascript:alert(1)'],
  ['reference-style data image', '![x][img]\n\n[img]: data:text/html,hi'],
  ['link title breaking out', '[x](https://ok.example "a\\" onmouseover=\\"alert(1))'],
  ['wikilink label with html', '[[<img src=x onerror=alert(1)>|Home]]'],
  ['wikilink target with html', '[[Home|<script>alert(1)</script>]]'],
  ['wikilink target javascript', '[[javascript:alert(1)]]'],
  ['wikilink label with quotes', '[["><script>alert(1)</script>|Home]]'],
  ['fenced code with html', '```html\n<script>alert(1)</script>\n```'],
  ['fenced code with hostile language', '```"><script>alert(1)</script>\nx\n```'],
  ['inline code', '`<script>alert(1)</script>`'],
  ['table cell html', '| a |\n|---|\n| <img src=x onerror=alert(1)> |'],
  ['aligned table', '| a | b |\n|:-:|--:|\n| 1 | 2 |'],
  ['footnote html', 'x[^1]\n\n[^1]: <script>alert(1)</script>'],
  ['linkify javascript', 'visit javascript:alert(1) now'],
  ['form', '<form action="https://evil.example"><input name=x></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['base tag', '<base href="https://evil.example/">'],
  ['math/mathml', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['nested quotes image title', '![a](https://x.example/a.png "t\\"onerror=\\"alert(1)")'],
];

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
    const [plainHtml, unknownHtml, knownHtml] = [await renderMarkdown(plain, none), await renderMarkdown(unknown, none), await renderMarkdown(known, none)];
    // Assess
    expect(plainHtml).toBe('<pre><code>const a = &quot;&lt;b&gt;&quot;;\n</code></pre>\n');
    expect(unknownHtml).toBe('<pre><code class="language-nosuchlang">const a = &quot;&lt;b&gt;&quot;;\n</code></pre>\n');
    expect(knownHtml).toContain('<span class="hljs-keyword">const</span>');
    expect(knownHtml).toContain('<span class="hljs-string">&quot;&lt;b&gt;&quot;</span>');
    expect(await renderMarkdown(plain, none)).toBe(plainHtml);
  });

  it('escapes raw HTML instead of dropping the text', async () => {
    expect(await renderMarkdown('<b>bold</b>', none)).toBe('<p>&lt;b&gt;bold&lt;/b&gt;</p>\n');
  });

  it('keeps ordinary links, relative links, mailto and https images', async () => {
    const html = await renderMarkdown('[a](https://example.com) [b](/Home) [c](mailto:a@example.com) ![d](https://example.com/d.png)', none);
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
    await t.wiki.writePage('Hostile', CORPUS.map(([, md]) => md).join('\n\n'), { author: { name: 'Mallory', email: 'mallory@example.com' } });
    // Act
    const response = await t.get('/Hostile');
    const html = await response.text();
    // Assess
    expect(response.status).toBe(200);
    const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
    expect(unsafeMarkup(article.replace(/^<article class="content">/, ''))).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(response.headers.get('content-security-policy')).not.toMatch(/script-src|unsafe-inline/);
  });

  it('escapes hostile page paths and titles everywhere they appear', async () => {
    await t.wiki.writePage('Evil "><img src=x onerror=alert(1)>', '---\ntitle: "<script>alert(1)</script>"\n---\nbody', { author: { name: '<b>x</b>', email: 'x@example.com' } });
    for (const path of ['/Evil%20%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', '/-/index', '/-/changelog', '/-/search?q=%3Cscript%3E']) {
      const html = await (await t.get(path)).text();
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img[^>]*onerror/i);
      expect(html).not.toContain('<b>x</b>');
    }
  });
});
