import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type WikibotConfig } from '@wikibot/auth-config';
import { authorizeWithForms, startAuthkitStandin, type AuthkitStandin } from '@wikibot/authkit-standin';
import { Wiki } from '@wikibot/wiki-core';
import { createWikiApp } from '../../src/app.js';
import { Browser, inputValue } from '../helpers/cookie-jar.js';
import { serveOverHttp, type ServedApp } from '../helpers/serve.js';
import { git } from '../helpers/wiki-app.js';

const CLIENT_ID = 'wikibot-e2e-wiki';
const CLIENT_SECRET = 'e2e-client-secret-0123456789abcdef';

describe('signing in through the AuthKit stand-in and editing (over HTTP)', () => {
  let served: ServedApp;
  let authkit: AuthkitStandin;
  let dir: string;
  let config: WikibotConfig;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wikibot-wiki-e2e-'));
    served = await serveOverHttp();
    authkit = await startAuthkitStandin({
      port: 0,
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [`${served.origin}/-/auth/callback`],
          post_logout_redirect_uris: [`${served.origin}/`],
        },
      ],
    });
    config = loadConfig({
      PUBLIC_ORIGIN: served.origin,
      AUTHKIT_DOMAIN: authkit.issuer,
      AUTHKIT_CLIENT_ID: CLIENT_ID,
      AUTHKIT_CLIENT_SECRET: CLIENT_SECRET,
      ACCESS_POLICY: JSON.stringify({ writers: ['@example.com'], contact: 'admins@example.com' }),
      WIKI_DATA_DIR: dir,
      SESSION_SECRET: 'e2e-session-secret-0123456789-abcdefghijklmnop',
    });
    const wiki = await Wiki.open({ dir: config.dataDir, durable: false });
    served.setApp(createWikiApp({ config, wiki, log: () => undefined }).fetch);
  });
  afterAll(async () => {
    await served.close();
    await authkit.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function signIn(browser: Browser, from: string, person: { email: string; name: string }): Promise<Response> {
    const toLogin = await browser.fetch(from);
    expect(toLogin.status).toBe(302);
    const toAuthkit = await browser.fetch(toLogin.headers.get('location')!);
    expect(toAuthkit.status).toBe(302);
    const authorize = new URL(toAuthkit.headers.get('location')!);
    expect(authorize.origin).toBe(authkit.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${served.origin}/-/auth/callback`);
    const callback = await authorizeWithForms(authorize, person);
    expect(callback.origin + callback.pathname).toBe(`${served.origin}/-/auth/callback`);
    return browser.fetch(callback);
  }

  it('signs a writer in with PKCE, then edit → save shows in history and in git log with the user as author', async () => {
    // Prepare
    const browser = new Browser(served.origin);
    // Act: sign in, starting from the edit page
    const back = await signIn(browser, '/Home/edit', { email: 'ada@example.com', name: 'Ada Lovelace' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/Home/edit');
    expect(back.headers.getSetCookie().join('\n')).toMatch(
      /wiki_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/m,
    );
    const form = await (await browser.fetch('/Home/edit')).text();
    const saved = await browser.postForm('/Home/save', {
      csrf: inputValue(form, 'csrf'),
      base: inputValue(form, 'base'),
      content: '# Home\n\nWritten by Ada through the browser.\n',
      message: 'Ada was here',
    });
    // Assess
    expect(saved.status).toBe(303);
    const history = await (await browser.fetch('/Home/history')).text();
    expect(history).toContain('Ada was here');
    expect(history).toContain('Ada Lovelace');
    expect(await git(dir, 'log', '-1', '--format=%an <%ae>|%s')).toBe('Ada Lovelace <ada@example.com>|Ada was here\n');
    const page = await (await browser.fetch('/Home')).text();
    expect(page).toContain('Written by Ada through the browser.');
    expect(page).toContain('Sign out');
  });

  it('signs out with the CSRF-protected form', async () => {
    const browser = new Browser(served.origin);
    await signIn(browser, '/Home/edit', { email: 'ada@example.com', name: 'Ada Lovelace' });
    const page = await (await browser.fetch('/Home')).text();
    const out = await browser.postForm('/-/logout', { csrf: inputValue(page, 'csrf') });
    expect(out.status).toBe(303);
    expect(browser.jar.has('wiki_session')).toBe(false);
    expect((await browser.fetch('/Home/edit')).status).toBe(302);
  });

  it('revokes the session on sign-out: the old cookie no longer works, in this container or another one', async () => {
    // Prepare: sign in, keep a copy of the cookie (as a thief or a shared computer would)
    const browser = new Browser(served.origin);
    await signIn(browser, '/Home/edit', { email: 'ada@example.com', name: 'Ada Lovelace' });
    const stolen = new Browser(served.origin);
    for (const [k, v] of browser.jar) stolen.jar.set(k, v);
    expect((await stolen.fetch('/Home/edit')).status).toBe(200);
    // A second Lambda container: its own app and engine over the same data directory
    const other = createWikiApp({ config, wiki: await Wiki.open({ dir, durable: false }), log: () => undefined });
    const cookie = [...browser.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    // Act
    const page = await (await browser.fetch('/Home')).text();
    expect((await browser.postForm('/-/logout', { csrf: inputValue(page, 'csrf') })).status).toBe(303);
    // Assess
    expect((await stolen.fetch('/Home/edit')).status).toBe(302);
    expect(await (await stolen.fetch('/Home')).text()).not.toContain('Sign out');
    const elsewhere = await other.fetch(new Request(`${served.origin}/Home/edit`, { headers: { cookie } }));
    expect(elsewhere.status).toBe(302);
  });

  it('ends the AuthKit session too (RP-initiated logout), coming back to the wiki', async () => {
    // Prepare
    const browser = new Browser(served.origin);
    await signIn(browser, '/Home/edit', { email: 'ada@example.com', name: 'Ada Lovelace' });
    const page = await (await browser.fetch('/Home')).text();
    // Act
    const out = await browser.postForm('/-/logout', { csrf: inputValue(page, 'csrf') });
    // Assess: sent to the provider's end_session_endpoint, which confirms and returns to the wiki
    expect(out.status).toBe(303);
    const endSession = new URL(out.headers.get('location')!);
    expect(endSession.origin + endSession.pathname).toBe(`${authkit.issuer}/oauth2/logout`);
    expect(endSession.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${served.origin}/`);
    const confirm = await fetch(endSession);
    const form = await confirm.text();
    expect(confirm.status).toBe(200);
    const action = /<form[^>]* method="post" action="([^"]+)"/.exec(form)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1];
    const cookie = confirm.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const done = await fetch(new URL(action!, authkit.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ xsrf: xsrf!, logout: 'yes' }),
      redirect: 'manual',
    });
    expect(done.headers.get('location')).toBe(`${served.origin}/`);
  });

  it('shows a signed-in user outside the policy a 403 naming whom to ask', async () => {
    const browser = new Browser(served.origin);
    await signIn(browser, '/Home/edit', { email: 'mallory@elsewhere.test', name: 'Mallory' });
    const response = await browser.fetch('/Home/edit');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Ask admins@example.com for access.');
  });

  it('refuses a callback whose state was not issued to this browser', async () => {
    // Prepare: one browser starts signing in; another (the attacker's) finishes at the IdP
    const victim = new Browser(served.origin);
    await victim.fetch('/-/login?return_to=/Home');
    const attacker = new Browser(served.origin);
    const start = await attacker.fetch('/-/login?return_to=/Home');
    const callback = await authorizeWithForms(start.headers.get('location')!, {
      email: 'eve@example.com',
      name: 'Eve',
    });
    // Act: the victim is made to open the attacker's callback
    const response = await victim.fetch(callback);
    // Assess
    expect(response.status).toBe(400);
    expect(victim.jar.has('wiki_session')).toBe(false);
  });

  it('refuses a callback without a sign-in in progress, and a replayed code', async () => {
    const browser = new Browser(served.origin);
    const start = await browser.fetch('/-/login?return_to=/Home');
    const callback = await authorizeWithForms(start.headers.get('location')!, {
      email: 'ada@example.com',
      name: 'Ada',
    });
    const replay = new Browser(served.origin);
    for (const [k, v] of browser.jar) replay.jar.set(k, v); // the same sign-in cookie, copied before use
    const fresh = new Browser(served.origin);
    expect((await fresh.fetch(callback)).status).toBe(400);
    expect((await browser.fetch(callback)).status).toBe(303);
    // Same state and PKCE verifier, but the code was redeemed already: the token endpoint refuses it.
    const replayed = await replay.fetch(callback);
    expect(replayed.status).toBe(400);
    expect(replay.jar.has('wiki_session')).toBe(false);
  });

  it.each([
    ['/Straße/日本語?x=ü#ç', '/Stra%C3%9Fe/%E6%97%A5%E6%9C%AC%E8%AA%9E?x=%C3%BC#%C3%A7'],
    ['/\u{1F9A6} otter', '/%F0%9F%A6%A6%20otter'],
    ['/already%20encoded', '/already%20encoded'],
  ])(
    'brings the browser back to %j after signing in (non-Latin-1 included), never a 500',
    async (returnTo, location) => {
      // Prepare
      const browser = new Browser(served.origin);
      const start = await browser.fetch(`/-/login?return_to=${encodeURIComponent(returnTo)}`);
      const callback = await authorizeWithForms(start.headers.get('location')!, {
        email: 'ada@example.com',
        name: 'Ada',
      });
      // Act
      const response = await browser.fetch(callback);
      // Assess
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(location);
      const back = new URL(location, served.origin);
      expect(decodeURIComponent(back.pathname + back.search + back.hash)).toBe(decodeURIComponent(returnTo));
      expect(browser.jar.has('wiki_session')).toBe(true);
    },
  );

  it.each([
    ['names another issuer', (callback: URL) => callback.searchParams.set('iss', 'https://evil.example')],
    ['lacks the iss the issuer advertises', (callback: URL) => callback.searchParams.delete('iss')],
  ])(
    'refuses an authorization response that %s (RFC 9207, mix-up attacks), before redeeming the code',
    async (_what, tamper) => {
      // Prepare
      const browser = new Browser(served.origin);
      const start = await browser.fetch('/-/login?return_to=/Home');
      const callback = await authorizeWithForms(start.headers.get('location')!, {
        email: 'ada@example.com',
        name: 'Ada',
      });
      expect(callback.searchParams.get('iss')).toBe(authkit.issuer);
      const copy = new Browser(served.origin);
      for (const [k, v] of browser.jar) copy.jar.set(k, v);
      tamper(callback);
      // Act
      const response = await browser.fetch(callback);
      // Assess: refused, and the code was not spent (the untampered response still signs in)
      expect(response.status).toBe(400);
      expect(browser.jar.has('wiki_session')).toBe(false);
      callback.searchParams.set('iss', authkit.issuer);
      expect((await copy.fetch(callback)).status).toBe(303);
    },
  );

  it('keeps return_to on this site', async () => {
    const browser = new Browser(served.origin);
    const start = await browser.fetch('/-/login?return_to=//evil.example/x');
    const callback = await authorizeWithForms(start.headers.get('location')!, {
      email: 'ada@example.com',
      name: 'Ada',
    });
    const response = await browser.fetch(callback);
    expect(response.headers.get('location')).toBe('/Home');
  });
});
