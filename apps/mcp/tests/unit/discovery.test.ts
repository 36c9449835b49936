import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listen, startTestIssuer, type TestIssuer, type TestServer } from '@wikibot/identity/testing';
import { createApp } from '../../src/index.js';
import { ORIGIN, RESOURCE, testConfig } from '../helpers/env.js';

describe('discovery', () => {
  let issuer: TestIssuer;
  const lines: string[] = [];
  beforeAll(async () => {
    issuer = await startTestIssuer();
  });
  afterAll(() => issuer.close());
  const app = (env = {}, ttl?: number) =>
    createApp(testConfig(issuer.issuer, env), { log: (l) => lines.push(l), metadataTtlMs: ttl });

  it.each([['/.well-known/oauth-protected-resource/mcp'], ['/.well-known/oauth-protected-resource']])(
    'serves RFC 9728 protected-resource metadata at %s, field by field',
    async (path) => {
      // Act
      const response = await app().fetch(new Request(`${ORIGIN}${path}`));
      // Assess
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const body = (await response.json()) as Record<string, unknown>;
      expect(body.resource).toBe(RESOURCE);
      expect(body.authorization_servers).toEqual([issuer.issuer]);
      expect(body.bearer_methods_supported).toEqual(['header']);
      expect(body.scopes_supported).toEqual(['openid', 'profile', 'email', 'offline_access']);
      expect(body.resource_name).toBe('wikibot (test)');
      expect(Object.keys(body).sort()).toEqual([
        'authorization_servers',
        'bearer_methods_supported',
        'resource',
        'resource_name',
        'scopes_supported',
      ]);
    },
  );

  it('never derives the resource as /mcp/mcp', async () => {
    const body = (await (
      await app().fetch(new Request(`${ORIGIN}/.well-known/oauth-protected-resource/mcp`))
    ).json()) as { resource: string };
    expect(body.resource).not.toContain('/mcp/mcp');
  });

  it.each([
    ['/.well-known/oauth-authorization-server', '/.well-known/oauth-authorization-server'],
    ['/.well-known/openid-configuration', '/.well-known/openid-configuration'],
  ])("forwards the issuer's %s unchanged", async (path, upstreamPath) => {
    // Prepare
    const upstream = await (await fetch(`${issuer.issuer}${upstreamPath}`)).text();
    // Act
    const response = await app().fetch(new Request(`${ORIGIN}${path}`));
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe(upstream);
  });

  it('caches forwarded metadata for the TTL', async () => {
    // Prepare
    const instance = app({}, 60_000);
    const before = issuer.hits.metadata;
    // Act
    for (let i = 0; i < 3; i += 1)
      await instance.fetch(new Request(`${ORIGIN}/.well-known/oauth-authorization-server`));
    // Assess
    expect(issuer.hits.metadata - before).toBe(1);
  });

  it('fetches again once the TTL has passed', async () => {
    const instance = app({}, 0);
    const before = issuer.hits.metadata;
    for (let i = 0; i < 2; i += 1)
      await instance.fetch(new Request(`${ORIGIN}/.well-known/oauth-authorization-server`));
    expect(issuer.hits.metadata - before).toBe(2);
  });

  describe('when the issuer fails', () => {
    let broken: TestServer;
    beforeAll(async () => {
      broken = await listen((request) =>
        new URL(request.url).pathname.includes('openid')
          ? new Response('<html>oops</html>', { status: 200 })
          : new Response('down', { status: 503 }),
      );
    });
    afterAll(() => broken.close());

    it.each([['/.well-known/oauth-authorization-server'], ['/.well-known/openid-configuration']])(
      'answers %s with 502 JSON',
      async (path) => {
        const response = await app({ AUTHKIT_DOMAIN: broken.url }).fetch(new Request(`${ORIGIN}${path}`));
        expect(response.status).toBe(502);
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(await response.json()).toMatchObject({ error: 'bad_gateway' });
      },
    );

    it('answers 502 when the issuer cannot be reached at all', async () => {
      const response = await app({ AUTHKIT_DOMAIN: 'http://127.0.0.1:9' }).fetch(
        new Request(`${ORIGIN}/.well-known/oauth-authorization-server`),
      );
      expect(response.status).toBe(502);
    });
  });

  it.each([
    ['/.well-known/security.txt'],
    ['/.well-known/oauth-protected-resource/other'],
    ['/.well-known/oauth-authorization-server/mcp'],
    ['/.well-known'],
  ])('answers other discovery paths such as %s with 404 JSON', async (path) => {
    const response = await app().fetch(new Request(`${ORIGIN}${path}`));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });

  it.each([['/'], ['/mcp/'], ['/mcp/mcp'], ['/Home']])('answers %s with 404 JSON, never HTML', async (path) => {
    const response = await app().fetch(new Request(`${ORIGIN}${path}`));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('refuses POST on a discovery document with 405 and Allow', async () => {
    const response = await app().fetch(
      new Request(`${ORIGIN}/.well-known/oauth-protected-resource`, { method: 'POST' }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, OPTIONS');
  });

  it('logs one JSON line per request with route, status and latency', async () => {
    // Prepare
    lines.length = 0;
    // Act
    await app().fetch(new Request(`${ORIGIN}/.well-known/oauth-protected-resource/mcp`));
    // Assess
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      route: 'GET /.well-known/oauth-protected-resource/mcp',
      status: 200,
    });
    expect(typeof line.latencyMs).toBe('number');
  });
});
