/**
 * The attachments page (`/<Page>/attachments`) and an attachment's delete confirmation (`/<Page>/attachment/<f>`):
 * readers see the list, writers upload with a plain multipart form (one commit per file, by the signed-in user) and
 * delete after confirming; every refusal is a clear 4xx and leaves the repository as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_ATTACHMENT_BYTES } from '@wikibot/wiki-core';
import { ORIGIN, git, openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 255]);
const ANN = { name: 'Ann', email: 'ann@example.com' };

describe('the attachments page', () => {
  let t: TestWiki;
  let alice: Browser;
  let reader: Browser;

  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn('alice@example.com', 'Alice');
    reader = await t.signIn('reader@elsewhere.org');
    await t.wiki.writePage('Tide Pools', '# Tide Pools\n', { author: ANN });
  });
  afterAll(() => t.close());

  /** Posts the upload form as a browser sends it: multipart, with the session's CSRF token unless told otherwise. */
  function upload(
    files: Record<string, Uint8Array>,
    options: { browser?: Browser; csrf?: string; message?: string; page?: string; origin?: string } = {},
  ): Promise<Response> {
    const form = new FormData();
    form.set('csrf', options.csrf ?? options.browser?.csrf ?? '');
    form.set('message', options.message ?? '');
    for (const [name, bytes] of Object.entries(files)) form.append('file', new Blob([bytes]), name);
    const headers: Record<string, string> = { origin: options.origin ?? ORIGIN };
    if (options.browser) headers.cookie = options.browser.cookie;
    const page = options.page ?? 'Tide%20Pools';
    return t.app.fetch(new Request(`${ORIGIN}/${page}/attachments`, { method: 'POST', body: form, headers }));
  }

  const files = async () => (await git(t.dir, 'ls-files')).split('\n').filter((f) => f.startsWith('tide pools/'));

  it('stores each uploaded file as one commit by the signed-in user, listed with size, type and date', async () => {
    // Act
    const response = await upload(
      { 'tide map.png': PNG, 'notes.txt': new TextEncoder().encode('hi') },
      { browser: alice },
    );
    const listing = await t.get('/Tide%20Pools/attachments', { browser: alice });
    const page = await listing.text();
    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/Tide%20Pools/attachments');
    expect(await files()).toEqual(['tide pools/notes.txt', 'tide pools/tide_map.png']);
    expect((await git(t.dir, 'log', '-2', '--format=%an|%s')).trim().split('\n')).toEqual([
      'Alice|Attach notes.txt',
      'Alice|Attach tide_map.png',
    ]);
    expect(page).toContain('<a href="/Tide%20Pools/a/tide_map.png">tide_map.png</a>');
    expect(page).toMatch(/<td>16 B<\/td><td>image\/png<\/td><td><time datetime="/);
    expect(page).toContain(
      '<a href="/Tide%20Pools/attachment/tide_map.png" aria-label="Delete tide_map.png">delete</a>',
    );
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('Up to 4.0 MiB per upload');
    const served = await t.get('/Tide%20Pools/a/tide_map.png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    await git(t.dir, 'fsck', '--strict');
  });

  it('uses the commit message the form gives', async () => {
    await upload({ 'chart.png': PNG }, { browser: alice, message: 'Chart of the pools' });
    expect((await git(t.dir, 'log', '-1', '--format=%s')).trim()).toBe('Chart of the pools');
  });

  it('shows readers the list without upload form or delete links, anonymous visitors a sign-in link', async () => {
    const asReader = await (await t.get('/Tide%20Pools/attachments', { browser: reader })).text();
    const anonymous = await (await t.get('/Tide%20Pools/attachments')).text();
    expect(asReader).toContain('tide_map.png');
    expect(asReader).not.toContain('<form class="upload"');
    expect(asReader).not.toContain('/attachment/');
    expect(anonymous).toContain('<a href="/-/login?return_to=%2FTide%2520Pools%2Fattachments">Sign in</a> to upload');
  });

  it('refuses an upload without the CSRF token, from another site, anonymous or by a reader (403)', async () => {
    // Prepare
    const before = await git(t.dir, 'rev-parse', 'HEAD');
    // Act
    const statuses = [
      (await upload({ 'x.png': PNG }, { browser: alice, csrf: '' })).status,
      (await upload({ 'x.png': PNG }, { browser: alice, csrf: reader.csrf })).status,
      (await upload({ 'x.png': PNG }, { browser: alice, origin: 'https://evil.example' })).status,
      (await upload({ 'x.png': PNG })).status,
      (await upload({ 'x.png': PNG }, { browser: reader })).status,
    ];
    // Assess
    expect(statuses).toEqual([403, 403, 403, 403, 403]);
    expect(await git(t.dir, 'rev-parse', 'HEAD')).toBe(before);
  });

  it('explains a refused upload on the page with a 4xx: no file, too large, a .md name, not multipart', async () => {
    // Prepare
    const before = await git(t.dir, 'rev-parse', 'HEAD');
    // Act
    const none = await upload({}, { browser: alice });
    const tooBig = await upload({ 'big.bin': new Uint8Array(MAX_ATTACHMENT_BYTES + 1) }, { browser: alice });
    const overBody = await upload({ 'big.bin': new Uint8Array(MAX_ATTACHMENT_BYTES + 100_000) }, { browser: alice });
    const twoHalves = await upload(
      { 'a.bin': new Uint8Array(MAX_ATTACHMENT_BYTES / 2 + 1), 'b.bin': new Uint8Array(MAX_ATTACHMENT_BYTES / 2) },
      { browser: alice },
    );
    const page = await upload({ 'Home.md': PNG }, { browser: alice });
    const urlencoded = await t.postForm('/Tide%20Pools/attachments', { csrf: alice.csrf }, { browser: alice });
    const missing = await upload({ 'x.png': PNG }, { browser: alice, page: 'Nowhere' });
    // Assess
    expect([none.status, tooBig.status, overBody.status, twoHalves.status, page.status]).toEqual([
      400, 413, 413, 413, 422,
    ]);
    expect(await none.text()).toContain('Choose at least one file');
    expect(await tooBig.text()).toContain('come to 4,194,305 bytes; at most 4,194,304 (4.0 MiB) can be uploaded');
    expect(await overBody.text()).toMatch(/role="alert"><p>The upload is over 4\.0 MiB/);
    expect(await twoHalves.text()).toContain('come to 4,194,305 bytes');
    expect(await page.text()).toContain('may not end in &quot;.md&quot;');
    expect(urlencoded.status).toBe(415);
    expect(missing.status).toBe(404);
    expect(await git(t.dir, 'rev-parse', 'HEAD')).toBe(before);
  });

  it('deletes a file only after the confirmation form is posted, as one commit', async () => {
    // Prepare
    await upload({ 'old.png': PNG }, { browser: alice });
    // Act
    const confirm = await t.get('/Tide%20Pools/attachment/old.png', { browser: alice });
    const form = await confirm.text();
    const unconfirmed = await t.postForm('/Tide%20Pools/attachment/old.png', { csrf: alice.csrf }, { browser: alice });
    const stillThere = await files();
    const deleted = await t.postForm(
      '/Tide%20Pools/attachment/old.png',
      { csrf: alice.csrf, delete: '1' },
      { browser: alice },
    );
    // Assess
    expect(confirm.status).toBe(200);
    expect(form).toContain('<form class="edit" method="post" action="/Tide%20Pools/attachment/old.png">');
    expect(form).toContain('<button class="primary" type="submit" name="delete" value="1">Delete old.png</button>');
    expect(unconfirmed.status).toBe(400);
    expect(stillThere).toContain('tide pools/old.png');
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/Tide%20Pools/attachments');
    expect(await files()).not.toContain('tide pools/old.png');
    expect((await git(t.dir, 'log', '-1', '--format=%an|%s')).trim()).toBe('Alice|Delete old.png');
    await git(t.dir, 'fsck', '--strict');
  });

  it('guards deletion: sign-in for anonymous, 403 for a reader or no CSRF, 404 for no file', async () => {
    const anonymous = await t.get('/Tide%20Pools/attachment/tide_map.png');
    const byReader = await t.postForm(
      '/Tide%20Pools/attachment/tide_map.png',
      { csrf: reader.csrf, delete: '1' },
      { browser: reader },
    );
    const noCsrf = await t.postForm('/Tide%20Pools/attachment/tide_map.png', { delete: '1' }, { browser: alice });
    const missing = await t.get('/Tide%20Pools/attachment/nothing.png', { browser: alice });
    const missingPost = await t.postForm(
      '/Tide%20Pools/attachment/nothing.png',
      { csrf: alice.csrf, delete: '1' },
      { browser: alice },
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/-\/login\?return_to=/);
    expect([byReader.status, noCsrf.status, missing.status, missingPost.status]).toEqual([403, 403, 404, 404]);
    expect(await files()).toContain('tide pools/tide_map.png');
  });

  it('loads upload-check.js (fingerprinted, cached a year) that knows the limit from the form', async () => {
    const page = await (await t.get('/Tide%20Pools/attachments', { browser: alice })).text();
    const src = /<script src="(\/-\/static\/upload-check\.js\?v=[0-9a-f]{8})" defer><\/script>/.exec(page)?.[1];
    expect(page).toContain(`data-max-bytes="${MAX_ATTACHMENT_BYTES}"`);
    expect(page).toContain('<p id="upload-refusal" class="notice warn" role="alert" hidden></p>');
    const script = await t.get(src!);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toContain("getAttribute('data-max-bytes')");
    const view = await (await t.get('/Tide%20Pools')).text();
    expect(view).not.toContain('upload-check.js');
  });

  it('links the attachments page from the page view; no inline script or style on either new page', async () => {
    const view = await (await t.get('/Tide%20Pools')).text();
    expect(view).toContain('<a href="/Tide%20Pools/attachments">Attachments</a>');
    for (const path of ['/Tide%20Pools/attachments', '/Tide%20Pools/attachment/tide_map.png']) {
      const response = await t.get(path, { browser: alice });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect(await response.text()).not.toMatch(/<script(?![^>]*\ssrc="\/-\/static\/)|<style|\sstyle=|\son[a-z]+=/i);
    }
  });
});
