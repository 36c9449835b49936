import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { WikiApi } from '@wikibot/wiki-core';
import { createWikiApp } from '../../src/app.js';
import { API_KEY, ORIGIN, openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';

const REQUIRED_HEADERS: Record<string, RegExp> = {
  // form-action names the sign-in service too: sign-out redirects there (RP-initiated logout).
  'content-security-policy':
    /^default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' https:; form-action 'self' https:\/\/authkit\.example\.com; frame-ancestors 'none'; base-uri 'none'$/,
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'x-frame-options': /^DENY$/,
  'strict-transport-security': /max-age=\d+/,
};

describe('security of the wiki app', () => {
  let t: TestWiki;
  let alice: Browser;
  let outsider: Browser;

  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn('alice@example.com', 'Alice');
    outsider = await t.signIn('eve@attacker.test', 'Eve');
  });
  afterAll(() => t.close());

  const json = { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` };
  it.each<[string, () => Promise<Response>]>([
    ['a page', () => t.get('/Home')],
    ['a 404 page', () => t.get('/Missing')],
    ['a redirect', () => t.get('/')],
    ['the stylesheet', () => t.get('/-/static/wiki.css')],
    ['health JSON', () => t.get('/-/healthz')],
    ['REST JSON', () => t.get('/api/v1/pages')],
    [
      'a REST 401',
      () =>
        t.app.fetch(
          new Request(`${ORIGIN}/api/v1/pages/Home`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          }),
        ),
    ],
    [
      'a REST 400',
      () => t.app.fetch(new Request(`${ORIGIN}/api/v1/pages/Home`, { method: 'PUT', headers: json, body: '{' })),
    ],
    ['a reserved path', () => t.get('/.well-known/oauth-protected-resource')],
    ['a 403 page', () => t.postForm('/Home/save', { content: 'x' }, { browser: alice })],
    ['a HEAD request', () => t.app.fetch(new Request(`${ORIGIN}/Home`, { method: 'HEAD' }))],
  ])('sets the security headers on %s', async (_name, send) => {
    const response = await send();
    for (const [name, pattern] of Object.entries(REQUIRED_HEADERS)) expect(response.headers.get(name)).toMatch(pattern);
  });

  it.each([
    '/.well-known/oauth-protected-resource/mcp',
    '/.well-known/oauth-authorization-server',
    '/.WELL-KNOWN/openid-configuration',
    '/%2Ewell-known/x',
    '/mcp',
    '/mcp/',
    '/mcp/anything',
  ])('answers %s with 404 JSON, never a page', async (path) => {
    for (const method of ['GET', 'POST']) {
      const response = await t.app.fetch(new Request(`${ORIGIN}${path}`, { method }));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it.each([
    ['/..%2F..%2Fetc%2Fpasswd', 400],
    ['/foo/..%2F..%2Fsecret', 400],
    ['/.git/config', 400],
    ['/%2Egit/HEAD', 400],
    ['/a%00b', 400],
    ['/line%0Abreak', 400],
    ['/%E0%A4%A', 400],
    ['/%ff', 400],
    [`/${'a'.repeat(300)}`, 400],
    ['/C:%5Cwindows', 400],
    ['/back%5Cslash', 400],
  ])('answers the hostile path %s with %i and no stack trace', async (path, status) => {
    const response = await t.get(path);
    const body = await response.text();
    expect(response.status).toBe(status);
    expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('refuses a save without a CSRF token', async () => {
    const base = (await t.wiki.readPage('Home')).revision;
    const response = await t.postForm('/Home/save', { base, content: 'forged' }, { browser: alice });
    expect(response.status).toBe(403);
    expect((await t.wiki.readPage('Home')).content).not.toBe('forged');
  });

  it("refuses a save carrying another session's CSRF token", async () => {
    const other = await t.signIn('alice@example.com', 'Alice');
    const response = await t.postForm('/Home/save', { csrf: other.csrf, content: 'forged' }, { browser: alice });
    expect(response.status).toBe(403);
  });

  it('refuses a save from another origin even with the right token', async () => {
    const response = await t.postForm(
      '/Home/save',
      { csrf: alice.csrf, content: 'forged' },
      { browser: alice, headers: { origin: 'https://evil.example' } },
    );
    expect(response.status).toBe(403);
    const crossSite = await t.postForm(
      '/Home/save',
      { csrf: alice.csrf, content: 'forged' },
      { browser: alice, headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect(crossSite.status).toBe(403);
  });

  it('refuses a save with a tampered session cookie', async () => {
    const tampered = { cookie: `${alice.cookie.slice(0, -4)}AAAA`, csrf: alice.csrf };
    const response = await t.postForm('/Home/save', { csrf: alice.csrf, content: 'forged' }, { browser: tampered });
    expect(response.status).toBe(403);
  });

  it('answers a save after the session expired with 403 and the text, escaped, so it is not lost', async () => {
    const before = await t.wiki.head();
    const response = await t.postForm('/Home/save', {
      csrf: 'stale',
      content: 'My long edit </textarea><script>alert(1)</script>',
    });
    const html = await response.text();
    expect(response.status).toBe(403);
    expect(html).toContain('My long edit &lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
    expect(await t.wiki.head()).toBe(before);
  });

  it('refuses sign-out without a CSRF token and signs out with one', async () => {
    // A session of its own: signing out revokes it, and the other tests go on using alice's.
    const leaving = await t.signIn('alice@example.com', 'alice');
    expect((await t.postForm('/-/logout', {}, { browser: leaving })).status).toBe(403);
    const response = await t.postForm('/-/logout', { csrf: leaving.csrf }, { browser: leaving });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(
      /^__Host-wiki_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0; Secure$/,
    );
  });

  it('shows a signed-in user outside the policy a 403 page naming whom to ask', async () => {
    const response = await t.get('/Home/edit', { browser: outsider });
    const html = await response.text();
    expect(response.status).toBe(403);
    expect(html).toContain(
      'eve@attacker.test is signed in but not allowed to write this wiki. Ask wiki-admins@example.com for access.',
    );
  });

  it('answers page content over 1 MB with 413 and leaves the repository unchanged', async () => {
    const before = await t.wiki.head();
    const response = await t.postForm(
      '/Big/save',
      { csrf: alice.csrf, content: 'x'.repeat(1_048_577) },
      { browser: alice },
    );
    expect(response.status).toBe(413);
    expect(await t.wiki.head()).toBe(before);
  });

  it('answers a request body over the body limit with 413', async () => {
    const body = `csrf=${alice.csrf}&content=${'x'.repeat(5 * 1024 * 1024)}`;
    const response = await t.app.fetch(
      new Request(`${ORIGIN}/Big/save`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: alice.cookie, origin: ORIGIN },
        body,
      }),
    );
    expect(response.status).toBe(413);
  });

  it('answers invalid UTF-8 with 400', async () => {
    const raw = Buffer.concat([Buffer.from(`csrf=${alice.csrf}&content=`), Buffer.from([0xc3, 0x28, 0xff])]);
    const response = await t.app.fetch(
      new Request(`${ORIGIN}/Home/save`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: alice.cookie, origin: ORIGIN },
        body: raw,
      }),
    );
    expect(response.status).toBe(400);
    const encoded = await t.postForm('/Home/save', { csrf: alice.csrf }, { browser: alice });
    expect(encoded.status).not.toBe(500);
    const badEscape = await t.app.fetch(
      new Request(`${ORIGIN}/Home/save`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: alice.cookie, origin: ORIGIN },
        body: `csrf=${alice.csrf}&content=%C3%28`,
      }),
    );
    expect(badEscape.status).toBe(400);
  });

  it('answers a form post of another content type with 415', async () => {
    const response = await t.app.fetch(
      new Request(`${ORIGIN}/Home/save`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', cookie: alice.cookie, origin: ORIGIN },
        body: 'x',
      }),
    );
    expect(response.status).toBe(415);
  });

  it('answers the wrong method with 405', async () => {
    expect((await t.app.fetch(new Request(`${ORIGIN}/Home`, { method: 'POST' }))).status).toBe(405);
    expect((await t.get('/Home/save')).status).toBe(405);
  });
});

describe('unexpected errors', () => {
  it('become a plain 500 with a request id, no stack trace, and one structured log line', async () => {
    // Prepare: a real wiki whose reads fail the way a broken file system would
    const t = await openTestWiki();
    const broken: WikiApi = Object.create(t.wiki, {
      readPage: { value: async () => Promise.reject(new Error('EIO: i/o error at /secret/path')) },
    });
    const logs: Record<string, unknown>[] = [];
    const app = createWikiApp({ config: t.config, wiki: broken, log: (l) => logs.push(l) });
    try {
      // Act
      const page = await app.fetch(new Request(`${ORIGIN}/Home`, { headers: { cookie: 'secret-cookie=1' } }));
      const api = await app.fetch(new Request(`${ORIGIN}/api/v1/pages/Home`));
      // Assess
      const html = await page.text();
      expect(page.status).toBe(500);
      expect(html).not.toContain('EIO');
      expect(html).not.toContain('/secret/path');
      expect(html).toContain(page.headers.get('x-request-id')!);
      const body = (await api.json()) as Record<string, unknown>;
      expect(api.status).toBe(500);
      expect(body).toEqual({
        error: expect.any(String),
        code: 'internal_error',
        request_id: api.headers.get('x-request-id'),
      });
      expect(logs).toHaveLength(2);
      expect(logs[0]).toMatchObject({ level: 'error', requestId: page.headers.get('x-request-id'), path: '/Home' });
      expect(JSON.stringify(logs)).not.toContain('secret-cookie');
    } finally {
      await t.close();
    }
  });
});

describe('a sign-in-only wiki', () => {
  let t: TestWiki;
  beforeAll(async () => {
    t = await openTestWiki({ WIKI_READ_ACCESS: 'signed-in' });
  });
  afterAll(() => t.close());

  it('sends anonymous readers to sign in', async () => {
    const response = await t.get('/Home');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/-/login?return_to=%2FHome');
    expect((await t.get('/-/search?q=x')).status).toBe(302);
  });

  it('lets readers in the policy read but not edit', async () => {
    const reader = await t.signIn('reader@elsewhere.org', 'Reader');
    expect((await t.get('/Home', { browser: reader })).status).toBe(200);
    expect((await t.get('/Home/edit', { browser: reader })).status).toBe(403);
  });

  it('refuses signed-in users outside the policy with 403', async () => {
    const eve = await t.signIn('eve@attacker.test', 'Eve');
    const response = await t.get('/Home', { browser: eve });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('not allowed to read this wiki');
  });

  it('refuses anonymous REST reads with 401', async () => {
    const response = await t.get('/api/v1/pages');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});
