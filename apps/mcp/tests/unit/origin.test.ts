import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestIssuer, type TestIssuer } from '@wikibot/identity/testing';
import { createApp } from '../../src/index.js';
import { ORIGIN, testConfig } from '../helpers/env.js';

const INSPECTOR = 'http://localhost:6274';

describe('Origin check on /mcp (DNS rebinding, foreign pages)', () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await startTestIssuer();
  });
  afterAll(() => issuer.close());
  const app = () => createApp(testConfig(issuer.issuer, { MCP_ALLOWED_ORIGINS: INSPECTOR }), { log: () => {} });
  const post = (origin?: string) =>
    new Request(`${ORIGIN}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
      body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    });

  it.each([
    'http://evil.example',
    'https://wiki.example.com.evil.example',
    'http://wiki.example.com',
    'https://wiki.example.com:8443',
    'null',
    'http://localhost:6275',
  ])('answers 403 (JSON) to a request whose Origin is %s', async (origin) => {
    // Act
    for (const request of [
      post(origin),
      new Request(`${ORIGIN}/mcp`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } }),
    ]) {
      const response = await app().fetch(request);
      // Assess
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toMatchObject({ error: 'forbidden_origin' });
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it.each([ORIGIN, INSPECTOR, undefined])('lets a request with Origin %s through to authentication', async (origin) => {
    // Act
    const response = await app().fetch(post(origin));
    // Assess: the bearer check answers, not the origin check
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('resource_metadata');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('leaves the discovery documents readable from any origin', async () => {
    const response = await app().fetch(
      new Request(`${ORIGIN}/.well-known/oauth-protected-resource/mcp`, { headers: { origin: 'http://evil.example' } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
