import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestIssuer, type TestIssuer } from '@wikibot/identity/testing';
import { withCors } from '../../src/http/responses.js';
import { createApp } from '../../src/index.js';
import { ORIGIN, testConfig } from '../helpers/env.js';

describe('CORS', () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await startTestIssuer();
  });
  afterAll(() => issuer.close());
  // MCP Inspector's page, listed as a browser client (see origin.test.ts for the others).
  const app = () =>
    createApp(testConfig(issuer.issuer, { MCP_ALLOWED_ORIGINS: 'http://localhost:6274' }), { log: () => {} });

  it('answers a preflight for /mcp with the methods and headers an MCP browser client needs', async () => {
    // Act
    const response = await app().fetch(
      new Request(`${ORIGIN}/mcp`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:6274',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, mcp-protocol-version',
        },
      }),
    );
    // Assess
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const header of ['authorization', 'content-type', 'mcp-protocol-version', 'mcp-session-id'])
      expect(allowed).toContain(header);
    const exposed = response.headers.get('access-control-expose-headers')!.toLowerCase();
    expect(exposed).toContain('www-authenticate');
    expect(exposed).toContain('mcp-session-id');
  });

  it('answers a preflight for the discovery documents', async () => {
    const response = await app().fetch(
      new Request(`${ORIGIN}/.well-known/oauth-protected-resource/mcp`, { method: 'OPTIONS' }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, OPTIONS');
  });

  it('lets a browser read the 401 challenge', async () => {
    const response = await app().fetch(
      new Request(`${ORIGIN}/mcp`, { method: 'POST', headers: { origin: 'http://localhost:6274' }, body: '{}' }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
  });

  it('adds its headers to a response whose headers cannot change, keeping status and body', async () => {
    // Prepare: a redirect's headers are immutable, like those of a fetch answer.
    const redirect = Response.redirect('https://wiki.example.com/elsewhere', 302);
    // Act
    const response = withCors(redirect);
    // Assess
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://wiki.example.com/elsewhere');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const own = withCors(new Response('body', { status: 201 }));
    expect(own.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    expect(await own.text()).toBe('body');
  });
});
