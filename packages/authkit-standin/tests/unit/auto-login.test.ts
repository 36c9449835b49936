import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startAuthkitStandin, type AuthkitStandin } from '../../src/index.js';
import { authorizationUrl, pkcePair, registerClient } from '../helpers/oauth-client.js';

const RESOURCE = 'http://localhost:8787/mcp';

/**
 * Follows an authorization request's redirects the way a browser does (cookies kept, the same request
 * headers on every hop, as Sec-Fetch-Site and Referer are), without filling in any form.
 * Returns where it stopped: a redirect off the stand-in (a code or an error) or a page.
 */
async function follow(start: URL, headers: Record<string, string>): Promise<{ url: URL; page?: string }> {
  const jar = new Map<string, string>();
  let url = start;
  for (let step = 0; step < 10; step += 1) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { headers: { ...headers, ...(cookie ? { cookie } : {}) }, redirect: 'manual' });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (!location) return { url, page: await response.text() };
    await response.body?.cancel();
    url = new URL(location, url);
    if (url.origin !== start.origin) return { url };
  }
  throw new Error('too many redirects');
}

describe('auto-login (AUTH_DEV_AUTO_LOGIN) and where a flow was started', () => {
  let authkit: AuthkitStandin;
  beforeAll(async () => {
    authkit = await startAuthkitStandin({ port: 0, autoLoginEmail: 'dev@example.com' });
  });
  afterAll(() => authkit.close());

  async function start(redirectUri: string): Promise<URL> {
    const client = await registerClient(authkit.issuer, { redirect_uris: [redirectUri] });
    const { challenge } = pkcePair();
    return authorizationUrl(authkit.issuer, client.client_id, challenge, {
      redirect_uri: redirectUri,
      resource: RESOURCE,
      scope: 'openid email',
    });
  }

  it.each([
    ['a script or CLI (no browser headers)', 'http://127.0.0.1:9/callback', {}],
    ['a browser a CLI opened (Sec-Fetch-Site: none)', 'http://localhost:33418/callback', { 'sec-fetch-site': 'none' }],
    [
      'a page on this machine (Referer on loopback)',
      'http://localhost:6274/oauth/callback',
      { 'sec-fetch-site': 'cross-site', referer: 'http://localhost:6274/' },
    ],
  ])('completes a flow started by %s without a click', async (_who, redirectUri, headers) => {
    // Act
    const { url } = await follow(await start(redirectUri), headers);
    // Assess
    expect(url.origin + url.pathname).toBe(redirectUri);
    expect(url.searchParams.get('code')).toBeTruthy();
  });

  it.each([
    ['whose code would go to a foreign origin', 'http://evil.example/cb', {}],
    [
      'whose code would go to a foreign origin, from a browser opened by a CLI',
      'https://evil.example/cb',
      { 'sec-fetch-site': 'none' },
    ],
    [
      'started by a foreign page',
      'http://127.0.0.1:9/callback',
      { 'sec-fetch-site': 'cross-site', referer: 'http://evil.example/' },
    ],
    [
      'started by a foreign page that sends no Referer',
      'http://127.0.0.1:9/callback',
      { 'sec-fetch-site': 'cross-site' },
    ],
    [
      'started by a page on a sibling site that sends no Referer',
      'http://127.0.0.1:9/callback',
      { 'sec-fetch-site': 'same-site' },
    ],
  ])('shows the sign-in page (a click) for a flow %s', async (_what, redirectUri, headers) => {
    // Act
    const { url, page } = await follow(await start(redirectUri), headers);
    // Assess
    expect(url.origin).toBe(authkit.issuer);
    expect(url.searchParams.get('code')).toBeNull();
    expect(page).toMatch(/<form method="post" action="\/interaction\/[^"]+\/login"/);
    expect(page).toContain('value="dev@example.com"');
  });

  it.each(['evil.example', `evil.example:${0}`, 'localhost.evil.example'])(
    'refuses requests addressed to another host name (%s): DNS rebinding',
    async (host) => {
      // Act: a page on a rebound name reaches this server with its own Host
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          `${authkit.issuer}/.well-known/openid-configuration`,
          { headers: { host: host.replace(':0', `:${authkit.port}`) } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
      // Assess
      expect(status).toBe(421);
    },
  );

  it('answers requests addressed to localhost as well as 127.0.0.1', async () => {
    const response = await fetch(`http://localhost:${authkit.port}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
  });
});
