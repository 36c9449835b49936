import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startAuthkitStandin, type AuthkitStandin } from '../../src/index.js';

describe('discovery', () => {
  let authkit: AuthkitStandin;

  beforeAll(async () => {
    authkit = await startAuthkitStandin({ port: 0 });
  });
  afterAll(async () => {
    await authkit.close();
  });

  it('uses http://127.0.0.1:<port> as issuer', () => {
    expect(authkit.issuer).toBe(`http://127.0.0.1:${authkit.port}`);
    expect(authkit.url).toBe(authkit.issuer);
  });

  it.each(['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration'])(
    'serves AuthKit-shaped metadata at %s',
    async (path) => {
      // Act
      const response = await fetch(`${authkit.issuer}${path}`);
      const metadata = (await response.json()) as Record<string, unknown>;

      // Assess
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const i = authkit.issuer;
      expect(metadata).toMatchObject({
        issuer: i,
        authorization_endpoint: `${i}/oauth2/authorize`,
        token_endpoint: `${i}/oauth2/token`,
        registration_endpoint: `${i}/oauth2/register`,
        jwks_uri: `${i}/oauth2/jwks`,
        introspection_endpoint: `${i}/oauth2/introspection`,
        userinfo_endpoint: `${i}/oauth2/userinfo`,
        code_challenge_methods_supported: ['S256'],
        response_types_supported: ['code'],
      });
      expect([...(metadata.scopes_supported as string[])].sort()).toEqual([
        'email',
        'offline_access',
        'openid',
        'profile',
      ]);
      expect(metadata.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
      expect([...(metadata.token_endpoint_auth_methods_supported as string[])].sort()).toEqual([
        'client_secret_basic',
        'client_secret_post',
        'none',
      ]);
    },
  );

  it('publishes one RS256 public signing key and no private parts', async () => {
    const jwks = (await (await fetch(`${authkit.issuer}/oauth2/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});

describe('registration from a browser page', () => {
  let authkit: AuthkitStandin;

  beforeAll(async () => {
    authkit = await startAuthkitStandin({ port: 0 });
  });
  afterAll(async () => {
    await authkit.close();
  });

  it('answers the CORS preflight and lets the page read the registration', async () => {
    // Act
    const preflight = await fetch(`${authkit.issuer}/oauth2/register`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:6274',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    const registration = await fetch(`${authkit.issuer}/oauth2/register`, {
      method: 'POST',
      headers: { origin: 'http://localhost:6274', 'content-type': 'application/json' },
      body: JSON.stringify({
        redirect_uris: ['http://localhost:6274/oauth/callback'],
        token_endpoint_auth_method: 'none',
      }),
    });

    // Assess
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    expect(registration.status).toBe(201);
    expect(registration.headers.get('access-control-allow-origin')).toBe('*');
  });
});
