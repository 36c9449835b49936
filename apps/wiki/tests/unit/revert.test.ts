import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { git, openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';

const ALICE = { name: 'Alice', email: 'alice@example.com' };
const BOB = { name: 'Bob', email: 'bob@example.com' };

/** The value of the hidden `base` field of a form page. */
function baseOf(page: string): string {
  return /name="base" value="([0-9a-f]*)"/.exec(page)?.[1] ?? 'missing';
}

describe('revert to a revision in the browser', () => {
  let t: TestWiki;
  let alice: Browser;

  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn(ALICE.email, ALICE.name);
  });
  afterAll(() => t.close());

  it('sends an anonymous visitor to sign in, and back to the revert', async () => {
    const { revision } = await t.wiki.writePage('Lakes', '# Lakes', { author: BOB });
    const response = await t.get(`/Lakes/revert/${revision}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(
      `/-/login?return_to=${encodeURIComponent(`/Lakes/revert/${revision}`)}`,
    );
  });

  it('confirms with the old text and the current revision, then writes the old text as a new commit by the user', async () => {
    // Prepare
    const first = await t.wiki.writePage('Ponds', '# Ponds\n\nThe first <b>text</b>.', { author: BOB });
    const second = await t.wiki.writePage('Ponds', '# Ponds\n\nVandalised.', { author: BOB });
    // Act
    const confirm = await t.get(`/Ponds/revert/${first.revision.slice(0, 10)}`, { browser: alice });
    const page = await confirm.text();
    // Assess
    expect(confirm.status).toBe(200);
    expect(page).toContain(`<form class="edit" method="post" action="/Ponds/revert/${first.revision}">`);
    expect(page).toContain(`name="csrf" value="${alice.csrf}"`);
    expect(baseOf(page)).toBe(second.revision);
    expect(page).toContain('The first &lt;b&gt;text&lt;/b&gt;.');
    // Act
    const response = await t.postForm(
      `/Ponds/revert/${first.revision}`,
      { csrf: alice.csrf, base: second.revision },
      { browser: alice },
    );
    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/Ponds');
    expect(await git(t.dir, 'show', 'HEAD:ponds.md')).toBe('# Ponds\n\nThe first <b>text</b>.');
    expect(await git(t.dir, 'log', '-1', '--format=%an <%ae>%n%s')).toBe(
      `Alice <alice@example.com>\nRevert Ponds to revision ${first.revision.slice(0, 8)}\n`,
    );
    expect((await git(t.dir, 'rev-list', 'HEAD')).split('\n')).toContain(second.revision);
    await git(t.dir, 'fsck', '--strict');
  });

  it("keeps the user's message and still names the revision", async () => {
    const first = await t.wiki.writePage('Creeks', '# Creeks', { author: BOB });
    const second = await t.wiki.writePage('Creeks', '# Creeks\n\nOops.', { author: BOB });
    const response = await t.postForm(
      `/Creeks/revert/${first.revision}`,
      { csrf: alice.csrf, base: second.revision, message: 'Undo the oops' },
      { browser: alice },
    );
    expect(response.status).toBe(303);
    expect(await git(t.dir, 'log', '-1', '--format=%s')).toBe(
      `Undo the oops (revert to ${first.revision.slice(0, 8)})\n`,
    );
  });

  it('brings a deleted page back', async () => {
    // Prepare
    const { revision } = await t.wiki.writePage('Gone', '# Gone\n\nStill wanted.', { author: BOB });
    await t.wiki.deletePage('Gone', { author: BOB });
    const page = await (await t.get(`/Gone/revert/${revision}`, { browser: alice })).text();
    expect(page).toContain('The page is deleted now');
    // Act
    const response = await t.postForm(
      `/Gone/revert/${revision}`,
      { csrf: alice.csrf, base: baseOf(page) },
      { browser: alice },
    );
    // Assess
    expect(response.status).toBe(303);
    expect((await t.wiki.readPage('Gone')).content).toBe('# Gone\n\nStill wanted.');
  });

  it('refuses with 409 and the form again when the page changed since the confirmation', async () => {
    // Prepare
    const first = await t.wiki.writePage('Bays', '# Bays', { author: BOB });
    const second = await t.wiki.writePage('Bays', '# Bays\n\nTwo.', { author: BOB });
    const third = await t.wiki.writePage('Bays', '# Bays\n\nThree.', { author: BOB });
    // Act
    const response = await t.postForm(
      `/Bays/revert/${first.revision}`,
      { csrf: alice.csrf, base: second.revision },
      { browser: alice },
    );
    const page = await response.text();
    // Assess
    expect(response.status).toBe(409);
    expect(page).toContain('changed since this form was opened');
    expect(baseOf(page)).toBe(third.revision);
    expect(await t.wiki.head()).toBe(third.revision);
  });

  it.each([
    ['a malformed revision', '/Bays/revert/not-a-sha', 400],
    ['an unknown revision', '/Bays/revert/0123456789abcdef0123456789abcdef01234567', 404],
    ['a page that never existed', '/Nowhere/revert/0123abcd', 404],
  ])('answers %s with a 4xx page', async (_, path, status) => {
    const response = await t.get(path, { browser: alice });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('refuses a post without the CSRF token or without a session with 403, changing nothing', async () => {
    const first = await t.wiki.writePage('Fjords', '# Fjords', { author: BOB });
    const second = await t.wiki.writePage('Fjords', '# Fjords\n\nNew.', { author: BOB });
    const noToken = await t.postForm(`/Fjords/revert/${first.revision}`, { base: second.revision }, { browser: alice });
    const noSession = await t.postForm(`/Fjords/revert/${first.revision}`, { csrf: alice.csrf, base: second.revision });
    expect(noToken.status).toBe(403);
    expect(noSession.status).toBe(403);
    expect(await t.wiki.head()).toBe(second.revision);
  });
});
