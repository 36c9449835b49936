import { expect } from '@jest/globals';
import { describeInChromium } from '@wikibot/browser-testing/jest';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { initializeRequest, mcpAccessToken, startTestSystem, type TestSystem } from '../helpers/local-system.js';

/** The attacker's host name; Chromium resolves it to this machine, as DNS (or a rebinding attack) would. */
const EVIL_HOST = 'evil.example';

/**
 * The attacker's site on a real HTTP server: `/start` registers a client whose redirect URI is on the
 * attacker's origin and sends the browser to authorize it; `/cb` is where a code would arrive.
 */
async function startEvilSite(system: TestSystem, verifier: string): Promise<{ origin: string; server: Server }> {
  const { local } = system;
  let origin = '';
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const settings = {
      issuer: local.issuer,
      mcpUrl: local.mcpUrl,
      redirectUri: `${origin}/cb`,
      challenge: createHash('sha256').update(verifier).digest('base64url'),
    };
    const script =
      path === '/start'
        ? `const s = ${JSON.stringify(settings)};
(async () => {
  const registered = await fetch(s.issuer + '/oauth2/register', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'Totally legit', redirect_uris: [s.redirectUri], token_endpoint_auth_method: 'none' }) });
  const { client_id } = await registered.json();
  const url = new URL(s.issuer + '/oauth2/authorize');
  for (const [k, v] of Object.entries({ response_type: 'code', client_id, redirect_uri: s.redirectUri, resource: s.mcpUrl,
    scope: 'openid profile email offline_access', code_challenge: s.challenge, code_challenge_method: 'S256', state: 'x' })) url.searchParams.set(k, v);
  sessionStorage.setItem('client_id', client_id);
  location.assign(url.toString());
})();`
        : '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Cute otters</title><p>Cute otters</p><script>${script}</script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://${EVIL_HOST}:${(server.address() as AddressInfo).port}`;
  return { origin, server };
}

/** Runs `fetch(mcpUrl)` with a bearer token from inside `page`; the status, or the error a blocked request gives. */
async function mcpFromPage(page: Page, mcpUrl: string, token: string): Promise<number | string> {
  const init = initializeRequest(token);
  return page.evaluate(
    async ({ url, headers, body }) => {
      try {
        return (await fetch(url, { method: 'POST', headers, body })).status;
      } catch (error) {
        return String(error);
      }
    },
    { url: mcpUrl, headers: init.headers as Record<string, string>, body: init.body as string },
  );
}

const verifier = randomBytes(32).toString('base64url');

/** The local system with auto-login on, and the attacker's site beside it. */
async function startSystems(): Promise<{ system: TestSystem; evil: { origin: string; server: Server } }> {
  const system = await startTestSystem({ autoLoginEmail: 'dev@example.com' });
  return { system, evil: await startEvilSite(system, verifier) };
}

describeInChromium(
  'a page on a foreign origin against the local system',
  {
    start: startSystems,
    stop: async ({ system, evil }) => {
      await new Promise((resolve) => evil.server.close(resolve));
      await system.close();
    },
    chromiumArgs: [`--host-resolver-rules=MAP ${EVIL_HOST} 127.0.0.1`],
  },
  (suite, test) => {
    test('cannot get an authorization code from the auto-login stand-in without a click', async () => {
      // Prepare
      const { browser } = suite;
      const { system, evil } = suite.system;
      const page = await (await browser.newContext()).newPage();
      // Act: the attacker's page registers a client and starts an authorization for the MCP resource
      await page.goto(`${evil.origin}/start`);
      await page.waitForURL((url) => url.pathname === '/cb' || url.pathname.startsWith('/interaction/'), {
        timeout: 20_000,
      });
      // Assess: the stand-in stops at its sign-in page instead of handing the code to the attacker
      const landed = new URL(page.url());
      expect(landed.origin + landed.pathname).not.toBe(`${evil.origin}/cb`);
      expect(landed.searchParams.get('code')).toBeNull();
      expect(landed.origin).toBe(system.local.issuer);
      await expect(page.locator('form[action$="/login"]').count()).resolves.toBe(1);
      await page.context().close();
    }, 60_000);

    test("cannot call /mcp, even holding a valid token, while the local system's own origin can", async () => {
      // Prepare: a token the attacker somehow holds (here: signed in through the forms, as a CLI would)
      const { browser } = suite;
      const { system, evil } = suite.system;
      const { local } = system;
      const token = await mcpAccessToken(local, { email: 'dev@example.com', name: 'Dev' });
      // The wiki's CSP allows no script to fetch; lift it, so only CORS and the Origin check decide.
      const context = await browser.newContext({ bypassCSP: true });
      const foreign = await context.newPage();
      await foreign.goto(`${evil.origin}/`);
      const own = await context.newPage();
      await own.goto(`${local.url}/Home`);
      // Act
      const fromForeign = await mcpFromPage(foreign, local.mcpUrl, token);
      const fromOwn = await mcpFromPage(own, local.mcpUrl, token);
      const withoutOrigin = (await fetch(local.mcpUrl, initializeRequest(token))).status;
      await context.close();
      // Assess: the foreign page is refused (403, or a failed preflight); the system's own page and a CLI are not
      expect(fromForeign === 403 || /TypeError|Failed to fetch/.test(String(fromForeign))).toBe(true);
      expect(fromOwn).toBe(200);
      expect(withoutOrigin).toBe(200);
    }, 60_000);

    test('still signs a developer in without a click when the wiki itself starts the flow', async () => {
      const { browser } = suite;
      const { local } = suite.system.system;
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${local.url}/Home`);
      await page.getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.origin === local.url && url.pathname === '/Home', { timeout: 20_000 });
      await expect(page.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(1);
      await page.context().close();
    }, 60_000);
  },
);
