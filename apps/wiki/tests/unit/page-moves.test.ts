import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ORIGIN, git, openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';

const ALICE = { name: 'Alice', email: 'alice@example.com' };

/** The value of the hidden `base` field of a form page. */
function baseOf(page: string): string {
  return /name="base" value="([0-9a-f]*)"/.exec(page)?.[1] ?? '';
}

describe('rename and delete in the browser', () => {
  let t: TestWiki;
  let alice: Browser;
  let reader: Browser;

  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn(ALICE.email, ALICE.name);
    reader = await t.signIn('reader@elsewhere.org', 'Reader');
  });
  afterAll(() => t.close());

  it('sends an anonymous visitor of the rename and delete forms to sign in, and back', async () => {
    for (const action of ['rename', 'delete']) {
      const response = await t.get(`/Home/${action}`);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`/-/login?return_to=%2FHome%2F${action}`);
    }
  });

  it('shows a writer the rename form with the CSRF token and the revision shown', async () => {
    // Prepare
    const { revision } = await t.wiki.writePage('Otters', '# Otters', { author: ALICE });
    // Act
    const response = await t.get('/Otters/rename', { browser: alice });
    const page = await response.text();
    // Assess
    expect(response.status).toBe(200);
    expect(page).toContain('<form class="edit" method="post" action="/Otters/rename">');
    expect(page).toContain(`name="csrf" value="${alice.csrf}"`);
    expect(baseOf(page)).toBe(revision);
    expect(page).toContain('name="new_pagename" value="Otters"');
  });

  it('renames a page, rewrites the links to it in one commit authored by the user, and redirects to it', async () => {
    // Prepare
    await t.wiki.writePage('Rivers', '# Rivers', { author: ALICE });
    await t.wiki.writePage('Links To Rivers', 'See [[Rivers]] and [[the water|Rivers]].', { author: ALICE });
    const base = baseOf(await (await t.get('/Rivers/rename', { browser: alice })).text());
    const before = (await git(t.dir, 'rev-list', '--count', 'HEAD')).trim();
    // Act
    const response = await t.postForm(
      '/Rivers/rename',
      { csrf: alice.csrf, base, new_pagename: 'Water/Rivers', message: 'Move under Water' },
      { browser: alice },
    );
    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/Water/Rivers');
    expect(await t.wiki.exists('Rivers')).toBe(false);
    expect((await t.wiki.readPage('Links To Rivers')).content).toBe(
      'See [[Water/Rivers]] and [[the water|Water/Rivers]].',
    );
    expect(Number((await git(t.dir, 'rev-list', '--count', 'HEAD')).trim())).toBe(Number(before) + 1);
    expect(await git(t.dir, 'log', '-1', '--format=%an <%ae>%n%s')).toMatch(
      /^Alice <alice@example\.com>\nMove under Water/,
    );
    await git(t.dir, 'fsck', '--strict');
  });

  it.each([
    ['a name the router would shadow', 'Somewhere/edit', 400, /edit action of Somewhere/],
    ['an empty name', '', 400, /./],
    ['a page that exists', 'Home', 409, /already exists; choose another name/],
    ['the same name', 'Beavers', 422, /same as the current path/],
  ])('refuses %s with the form again, the reason and a 4xx, changing nothing', async (_, target, status, reason) => {
    // Prepare
    await t.wiki.writePage('Beavers', '# Beavers', { author: ALICE });
    const head = await t.wiki.head();
    const base = baseOf(await (await t.get('/Beavers/rename', { browser: alice })).text());
    // Act
    const response = await t.postForm(
      '/Beavers/rename',
      { csrf: alice.csrf, base, new_pagename: target },
      { browser: alice },
    );
    const page = await response.text();
    // Assess
    expect(response.status).toBe(status);
    expect(page).toMatch(reason);
    expect(page).toContain('role="alert"');
    expect(page).toContain('action="/Beavers/rename"');
    expect(await t.wiki.head()).toBe(head);
  });

  it('refuses to rename a page changed since the form opened, offering the form at the new revision', async () => {
    // Prepare
    await t.wiki.writePage('Seals', '# Seals', { author: ALICE });
    const base = baseOf(await (await t.get('/Seals/rename', { browser: alice })).text());
    const { revision } = await t.wiki.writePage('Seals', '# Seals\n\nMore.', { author: ALICE, baseRevision: base });
    // Act
    const response = await t.postForm(
      '/Seals/rename',
      { csrf: alice.csrf, base, new_pagename: 'Sea Lions' },
      { browser: alice },
    );
    const page = await response.text();
    // Assess
    expect(response.status).toBe(409);
    expect(page).toContain('changed since this form was opened');
    expect(baseOf(page)).toBe(revision);
    expect(page).toContain('value="Sea Lions"');
    expect(await t.wiki.exists('Sea Lions')).toBe(false);
  });

  it('answers 404 with the create offer for renaming or deleting a page that does not exist', async () => {
    const form = await t.get('/No%20Such%20Page/delete', { browser: alice });
    expect(form.status).toBe(404);
    expect(await form.text()).toContain('There is no page called');
    const post = await t.postForm(
      '/No%20Such%20Page/rename',
      { csrf: alice.csrf, new_pagename: 'Other' },
      { browser: alice },
    );
    expect(post.status).toBe(404);
    expect(await post.text()).toContain('There is no page called');
  });

  it.each([
    ['without a CSRF token', () => ({ fields: { new_pagename: 'Moved' }, browser: alice, headers: {} })],
    [
      "with another session's token",
      () => ({ fields: { csrf: reader.csrf, new_pagename: 'Moved' }, browser: alice, headers: {} }),
    ],
    [
      'from another site',
      () => ({
        fields: { csrf: alice.csrf, new_pagename: 'Moved' },
        browser: alice,
        headers: { origin: 'https://evil.example' },
      }),
    ],
    [
      'without a session',
      () => ({ fields: { csrf: alice.csrf, new_pagename: 'Moved' }, browser: undefined, headers: {} }),
    ],
    ['from a reader', () => ({ fields: { csrf: reader.csrf, new_pagename: 'Moved' }, browser: reader, headers: {} })],
  ])('refuses a rename or delete post %s with 403, changing nothing', async (_, make) => {
    // Prepare
    await t.wiki.writePage('Guarded', '# Guarded', { author: ALICE });
    const head = await t.wiki.head();
    const { fields, browser, headers } = make();
    for (const action of ['rename', 'delete']) {
      // Act
      const response = await t.postForm(`/Guarded/${action}`, fields, { browser, headers });
      // Assess
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
    expect(await t.wiki.head()).toBe(head);
    expect(await t.wiki.exists('Guarded')).toBe(true);
  });

  it('deletes a page after the confirmation, as one commit by the user, and shows the changelog', async () => {
    // Prepare
    await t.wiki.writePage('Old Notes', '# Old Notes', { author: ALICE });
    const confirm = await (await t.get('/Old%20Notes/delete', { browser: alice })).text();
    expect(confirm).toContain('<form class="edit" method="post" action="/Old%20Notes/delete">');
    expect(confirm).toContain(`name="csrf" value="${alice.csrf}"`);
    // Act
    const response = await t.postForm(
      '/Old%20Notes/delete',
      { csrf: alice.csrf, base: baseOf(confirm), message: '' },
      { browser: alice },
    );
    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/-/changelog');
    expect(await t.wiki.exists('Old Notes')).toBe(false);
    expect(await git(t.dir, 'ls-tree', '--name-only', 'HEAD')).not.toContain('old notes.md');
    expect(await git(t.dir, 'log', '-1', '--format=%an')).toBe('Alice\n');
    expect((await t.get('/Old%20Notes')).status).toBe(404);
    await git(t.dir, 'fsck', '--strict');
  });

  it('refuses to delete a page changed since the confirmation was shown', async () => {
    // Prepare
    await t.wiki.writePage('Busy', '# Busy', { author: ALICE });
    const base = baseOf(await (await t.get('/Busy/delete', { browser: alice })).text());
    await t.wiki.writePage('Busy', '# Busy\n\nNewer.', { author: ALICE, baseRevision: base });
    // Act
    const response = await t.postForm('/Busy/delete', { csrf: alice.csrf, base }, { browser: alice });
    // Assess
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('changed since this form was opened');
    expect(await t.wiki.exists('Busy')).toBe(true);
  });

  it('answers other methods with 405 and the methods allowed', async () => {
    const response = await t.app.fetch(
      new Request(`${ORIGIN}/Home/delete`, { method: 'PUT', headers: { cookie: alice.cookie } }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });
});

describe('the source view', () => {
  let t: TestWiki;
  beforeAll(async () => {
    t = await openTestWiki();
  });
  afterAll(() => t.close());

  it('shows the stored Markdown escaped in a <pre>, and as text/plain with ?raw, now and at a revision', async () => {
    // Prepare
    const first = await t.wiki.writePage('Code', '# Code\n\n<script>alert(1)</script> [[Home]]', { author: ALICE });
    await t.wiki.writePage('Code', '# Code\n\nSecond.', { author: ALICE });
    // Act
    const page = await (await t.get('/Code/source')).text();
    const raw = await t.get('/Code/source?raw');
    const old = await (await t.get(`/Code/source?revision=${first.revision}&raw`)).text();
    const oldPage = await (await t.get(`/Code/source?revision=${first.revision}`)).text();
    // Assess
    expect(page).toContain(
      '<pre class="source" tabindex="0" aria-label="Markdown source of Code"># Code\n\nSecond.</pre>',
    );
    expect(page).toContain('href="/Code/source?raw"');
    expect(raw.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await raw.text()).toBe('# Code\n\nSecond.');
    expect(old).toBe('# Code\n\n<script>alert(1)</script> [[Home]]');
    expect(oldPage).toContain('&lt;script&gt;alert(1)&lt;/script&gt; [[Home]]');
    expect(oldPage).not.toContain('<script>');
  });

  it('answers a missing page or a malformed revision with 4xx', async () => {
    expect((await t.get('/Nothing/source')).status).toBe(404);
    expect((await t.get('/Code/source?revision=zz')).status).toBe(400);
  });
});
