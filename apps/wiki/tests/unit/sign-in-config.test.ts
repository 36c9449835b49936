import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { SecretUnavailableError, type SecretResolver } from '@wikibot/identity';
import { openTestWiki } from '../helpers/wiki-app.js';

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('sign-in configuration', () => {
  it('hides sign-in and answers /-/login with 404 when no client id is configured', async () => {
    const t = await openTestWiki({ AUTHKIT_CLIENT_ID: undefined });
    try {
      expect(await (await t.get('/Home')).text()).not.toContain('Sign in');
      expect((await t.get('/-/login')).status).toBe(404);
      const edit = await t.get('/Home/edit');
      expect(edit.status).toBe(401);
      expect(await edit.text()).toContain('Signing in is not configured');
    } finally {
      await t.close();
    }
  });

  it('answers /-/login with 502 naming the problem when the issuer cannot be reached', async () => {
    const t = await openTestWiki({ AUTHKIT_DOMAIN: `http://127.0.0.1:${await closedPort()}` });
    try {
      const response = await t.get('/-/login?return_to=/Home');
      const html = await response.text();
      expect(response.status).toBe(502);
      expect(html).toContain('The sign-in service could not be reached');
      expect(html).not.toMatch(/ECONNREFUSED|at .*\.ts:\d+/);
    } finally {
      await t.close();
    }
  });

  it('refuses a callback with no sign-in in progress with 400', async () => {
    const t = await openTestWiki();
    try {
      expect((await t.get('/-/auth/callback?code=x&state=y')).status).toBe(400);
    } finally {
      await t.close();
    }
  });

  it('serves anonymous readers without reading the session secret, and answers 503 to a browser with cookies while it is unreadable', async () => {
    // Prepare: a secret store that is down
    const reads: string[] = [];
    const secrets: SecretResolver = {
      resolve: async (ref) => {
        reads.push(ref.kind);
        throw new SecretUnavailableError('/wikibot/session-secret', 'unreachable');
      },
    };
    const t = await openTestWiki({}, { secrets });
    try {
      await t.wiki.writePage('Home', '# Home\n\nHello.', { author: { name: 'a', email: 'a@example.com' } });
      // Act
      const anonymous = await t.get('/Home');
      const anonymousReads = reads.length;
      const withCookie = await t.get('/Home', { headers: { cookie: 'wiki_session=x' } });
      // Assess
      expect(anonymous.status).toBe(200);
      expect(await anonymous.text()).toContain('Sign in');
      expect(anonymousReads).toBe(0);
      expect(withCookie.status).toBe(503);
      expect(withCookie.headers.get('retry-after')).toBe('5');
    } finally {
      await t.close();
    }
  });
});
