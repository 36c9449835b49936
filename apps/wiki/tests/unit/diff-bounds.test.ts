/**
 * History, diff and conflict views stay small whatever was stored: a huge diff is "too large to show" with links
 * to both revisions, long commit messages are shortened, and no response passes 1 MB.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';

const ANN = { name: 'Ann', email: 'ann@example.com' };
const MB = 1_000_000;
const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `<${tag}> line ${i}`).join('\n');

describe('views of hostile revisions', () => {
  let t: TestWiki;
  let alice: Browser;
  let first: string;
  let second: string;

  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn('alice@example.com', 'Alice');
    first = (await t.wiki.writePage('Big', lines(4000, 'old'), { author: ANN })).revision;
    second = (await t.wiki.writePage('Big', lines(4000, 'new'), { author: ANN })).revision;
  });
  afterAll(() => t.close());

  it('shows a diff that differs everywhere as too large, linking both revisions', async () => {
    const response = await t.get(`/Big/diff?from=${first}&to=${second}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('too large to show');
    expect(html).toContain(`href="/Big/revision/${first}"`);
    expect(html).toContain(`href="/Big/revision/${second}"`);
    expect(html.length).toBeLessThan(MB);
  });

  it('shows a conflict over a huge change without the diff, keeping the text', async () => {
    const response = await t.postForm(
      '/Big/save',
      { csrf: alice.csrf, base: first, content: 'my edit' },
      { browser: alice },
    );
    const html = await response.text();
    expect(response.status).toBe(409);
    expect(html).toContain('too large to show');
    expect(html).toContain('my edit');
    expect(html.length).toBeLessThan(MB);
  });

  it('keeps a history of long commit messages under 1 MB', async () => {
    for (let i = 0; i < 25; i++) {
      await t.wiki.appendPage('Chatty', `line ${i}`, {
        author: ANN,
        message: `<b>${'long message '.repeat(4000)}</b>`,
      });
    }
    const response = await t.get('/Chatty/history');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html.length).toBeLessThan(MB);
    expect(html).toContain('long message long message');
  }, 60_000);
});
