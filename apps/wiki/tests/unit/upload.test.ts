import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ORIGIN, git, openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 255]);

describe('the editor: uploads by drag-and-drop and paste (POST /-/upload)', () => {
  let t: TestWiki;
  let alice: Browser;
  let reader: Browser;

  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn('alice@example.com', 'Alice');
    reader = await t.signIn('reader@elsewhere.org');
    await t.wiki.writePage('Existing', '# Existing\n', { author: { name: 'Alice', email: 'alice@example.com' } });
  });
  afterAll(() => t.close());

  const upload = (
    query: string,
    body: Uint8Array,
    browser: Browser | undefined,
    headers: Record<string, string> = {},
  ) =>
    t.app.fetch(
      new Request(`${ORIGIN}/-/upload?${query}`, {
        method: 'POST',
        body,
        headers: {
          origin: ORIGIN,
          'content-type': 'image/png',
          ...(browser ? { cookie: browser.cookie, 'x-csrf-token': browser.csrf } : {}),
          ...headers,
        },
      }),
    );

  it('stores the file as the page attachment, one commit by the signed-in user, served at /<Page>/a/<file>', async () => {
    // Act
    const response = await upload('page=Existing&filename=pic.png', PNG, alice);
    const served = await t.get('/Existing/a/pic.png', { browser: alice });
    // Assess
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ filename: 'pic.png', url: '/Existing/a/pic.png' });
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect((await git(t.dir, 'log', '-1', '--format=%an|%s')).trim()).toBe('Alice|Attach pic.png');
    await git(t.dir, 'fsck', '--strict');
  });

  it('refuses a post without the CSRF header, from another site, anonymous or by a reader', async () => {
    // Act
    const statuses = [
      (await upload('page=Existing&filename=a.png', PNG, alice, { 'x-csrf-token': '' })).status,
      (await upload('page=Existing&filename=a.png', PNG, alice, { 'x-csrf-token': reader.csrf })).status,
      (await upload('page=Existing&filename=a.png', PNG, alice, { origin: 'https://evil.example' })).status,
      (await upload('page=Existing&filename=a.png', PNG, undefined)).status,
      (await upload('page=Existing&filename=a.png', PNG, reader)).status,
    ];
    const files = await git(t.dir, 'ls-files');
    // Assess
    expect(statuses).toEqual([403, 403, 403, 403, 403]);
    expect(files).not.toContain('a.png');
  });

  it('answers bad uploads with a 4xx: no name, a missing page, over 4 MiB, a GET, a path in the name', async () => {
    // Act
    const noName = await upload('page=Existing', PNG, alice);
    const noPage = await upload('page=Nowhere&filename=x.png', PNG, alice);
    const tooBig = await upload('page=Existing&filename=big.png', new Uint8Array(4 * 1024 * 1024 + 1), alice);
    const get = await t.get('/-/upload?page=Existing&filename=x.png', { browser: alice });
    const sneaky = await upload(`page=Existing&filename=${encodeURIComponent('../../Home.md')}`, PNG, alice);
    // Assess
    expect(noName.status).toBe(400);
    expect(noPage.status).toBe(404);
    expect(tooBig.status).toBe(413);
    expect(get.status).toBe(405);
    expect(sneaky.status).toBeLessThan(500);
    expect(await git(t.dir, 'ls-files')).not.toMatch(/^Home\.md$/m);
    await git(t.dir, 'fsck', '--strict');
  });
});
