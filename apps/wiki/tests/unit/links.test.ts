import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestWiki, ORIGIN, type TestWiki } from '../helpers/wiki-app.js';

/** Names and queries an attacker may type, link to or store. */
const HOSTILE = [
  '//host',
  '///host',
  '/\\host',
  '\\\\host',
  '\\/host',
  ' //host',
  '//host/edit',
  '..',
  '../..',
  '.',
  'a/../../b',
  'javascript:alert(1)',
  'http://evil.example/x',
  'https:evil.example',
  '%2F%2Fhost',
  '?q=1',
  '#top',
  'a//b',
  'Ünïcödé Straße',
  '日本語/ページ',
  '"><b>x</b>',
  "it's",
  'x y+z&w=1',
];

/** Every `href`/`action` in a document, entities decoded. */
function links(markup: string): string[] {
  return [...markup.matchAll(/\s(?:href|action)="([^"]*)"/g)].map((m) =>
    m[1]
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

/** Why `href` is not an encoded same-origin path, or undefined when it is one. */
function problem(href: string): string | undefined {
  // A link to an element of the same page (the skip link, the table of contents): an id the wiki made.
  if (/^#[\w-]+$/.test(href)) return undefined;
  if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/\\')) return 'not a path on this site';
  if (new URL(href, ORIGIN).origin !== ORIGIN) return 'resolves off-site';
  if (!/^[\x21-\x7e]*$/.test(href)) return 'not percent-encoded (raw space, control or non-ASCII character)';
  if (/[<>"'\\`{}|^]/.test(href)) return 'carries a character that must be encoded';
  return undefined;
}

describe('links the wiki generates', () => {
  let t: TestWiki;
  beforeAll(async () => {
    t = await openTestWiki();
    const author = { name: 'Mallory', email: 'mallory@example.com' };
    for (const name of ['Ünïcödé Straße', '日本語/ページ', '"><b>x</b>', "it's", 'x y+z&w=1']) {
      await t.wiki.writePage(name, `# ${name}\n\n[[${name}]]\n`, { author, message: name });
    }
  });
  afterAll(() => t.close());

  const pages = (q: string): string[] => [
    `/-/search?q=${encodeURIComponent(q)}`,
    `/-/search/${encodeURIComponent(q)}`,
    `/${q.split('/').map(encodeURIComponent).join('/')}`,
    `/-/create?name=${encodeURIComponent(q)}`,
    `/-/index?tag=${encodeURIComponent(q)}`,
  ];

  it.each(HOSTILE)('are encoded paths on this site for %j', async (q) => {
    const browser = await t.signIn('ada@example.com', 'Ada');
    for (const path of pages(q)) {
      for (const init of [undefined, { browser }]) {
        // Act
        const response = await t.get(path, init);
        const markup = await response.text();
        // Assess
        const location = response.headers.get('location');
        const found = [...links(markup), ...(location ? [location] : [])];
        const bad = found.map((href) => [href, problem(href)]).filter(([, why]) => why);
        expect({ path, bad }).toEqual({ path, bad: [] });
      }
    }
  });

  it.each([
    '/-/index',
    '/-/changelog',
    '/%C3%9Cn%C3%AFc%C3%B6d%C3%A9%20Stra%C3%9Fe',
    '/%22%3E%3Cb%3Ex%3C%2Fb%3E/history',
    "/it's/edit",
  ])('are encoded paths on this site on %s, which lists hostile page names', async (path) => {
    const browser = await t.signIn('ada@example.com', 'Ada');
    const markup = await (await t.get(path, { browser })).text();
    const found = links(markup);
    expect(found.length).toBeGreaterThan(3);
    expect(found.map((href) => [href, problem(href)]).filter(([, why]) => why)).toEqual([]);
  });

  it('sends "Create" for a search that names no valid page to the new-page form, which explains the name', async () => {
    const markup = await (await t.get('/-/search?q=%2F%2Fhost')).text();
    expect(links(markup)).toContain('/-/create?name=%2F%2Fhost');
    expect(markup).not.toContain('href="///host/edit"');
  });
});
