import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { authorizeWithForms, startAuthkitStandin, userIdForEmail, type AuthkitStandin } from '../../src/index.js';
import { REDIRECT_URI, authorizationUrl, pkcePair, registerClient, tokenRequest } from '../helpers/oauth-client.js';

const RESOURCE = 'http://localhost:8787/mcp';
const SCOPE = 'openid profile email offline_access';

describe('authorization code flow with PKCE', () => {
  let authkit: AuthkitStandin;

  beforeAll(async () => {
    authkit = await startAuthkitStandin({ port: 0 });
  });
  afterAll(async () => {
    await authkit.close();
  });

  async function signIn(
    params: Record<string, string | undefined>,
    form = { email: 'Ada.Lovelace@Example.com', name: 'Ada Lovelace' },
  ) {
    const client = await registerClient(authkit.issuer);
    const { verifier, challenge } = pkcePair();
    const callback = await authorizeWithForms(
      authorizationUrl(authkit.issuer, client.client_id, challenge, params),
      form,
    );
    return { client, verifier, callback };
  }

  async function exchange(client: { client_id: string }, verifier: string, code: string, resource?: string) {
    return tokenRequest(authkit.issuer, {
      grant_type: 'authorization_code',
      client_id: client.client_id,
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
      ...(resource ? { resource } : {}),
    });
  }

  it('registers public clients dynamically with a WorkOS-like client id', async () => {
    const client = await registerClient(authkit.issuer);
    expect(client.client_id).toMatch(/^client_[0-9A-Z]{26}$/);
    expect(client.client_secret).toBeUndefined();
  });

  it('issues a JWT access token bound to the requested MCP resource, with the user in its claims', async () => {
    // Prepare
    const { client, verifier, callback } = await signIn({ scope: SCOPE, resource: RESOURCE });
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();

    // Act
    const { status, json } = await exchange(client, verifier, code as string, RESOURCE);

    // Assess
    expect(status).toBe(200);
    expect(json.token_type).toBe('Bearer');
    const jwks = createRemoteJWKSet(new URL(`${authkit.issuer}/oauth2/jwks`));
    const { payload, protectedHeader } = await jwtVerify(json.access_token as string, jwks, {
      issuer: authkit.issuer,
      audience: RESOURCE,
      algorithms: ['RS256'],
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: userIdForEmail('ada.lovelace@example.com'),
      email: 'ada.lovelace@example.com',
      email_verified: true,
      name: 'Ada Lovelace',
      client_id: client.client_id,
    });
    expect(payload.sub).toMatch(/^user_[0-9A-Z]{26}$/);
    expect(String(payload.scope).split(' ')).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(json.refresh_token).toEqual(expect.any(String));
    const idToken = await jwtVerify(json.id_token as string, jwks, {
      issuer: authkit.issuer,
      audience: client.client_id,
    });
    expect(idToken.payload).toMatchObject({ email: 'ada.lovelace@example.com', name: 'Ada Lovelace' });
  });

  it('uses the resource granted at authorization when the token request names none', async () => {
    const { client, verifier, callback } = await signIn({ scope: SCOPE, resource: RESOURCE });
    const { status, json } = await exchange(client, verifier, callback.searchParams.get('code') as string);
    expect(status).toBe(200);
    expect(decodeJwt(json.access_token as string).aud).toBe(RESOURCE);
  });

  it('refreshes an access token with the refresh token', async () => {
    // Prepare
    const { client, verifier, callback } = await signIn({ scope: SCOPE, resource: RESOURCE });
    const first = await exchange(client, verifier, callback.searchParams.get('code') as string, RESOURCE);

    // Act
    const refreshed = await tokenRequest(authkit.issuer, {
      grant_type: 'refresh_token',
      client_id: client.client_id,
      refresh_token: first.json.refresh_token as string,
      resource: RESOURCE,
    });

    // Assess
    expect(refreshed.status).toBe(200);
    const claims = decodeJwt(refreshed.json.access_token as string);
    expect(claims).toMatchObject({ aud: RESOURCE, iss: authkit.issuer, email: 'ada.lovelace@example.com' });
  });

  it('grants the advertised scopes to a request that names no scope', async () => {
    const { client, verifier, callback } = await signIn({ resource: RESOURCE });
    expect(callback.searchParams.get('error')).toBeNull();
    const { status, json } = await exchange(client, verifier, callback.searchParams.get('code') as string, RESOURCE);
    expect(status).toBe(200);
    expect(decodeJwt(json.access_token as string).aud).toBe(RESOURCE);
  });

  it('refuses a code exchange with the wrong PKCE verifier', async () => {
    const { client, callback } = await signIn({ scope: SCOPE, resource: RESOURCE });
    const { status, json } = await exchange(
      client,
      pkcePair().verifier,
      callback.searchParams.get('code') as string,
      RESOURCE,
    );
    expect(status).toBe(400);
    expect(json.error).toBe('invalid_grant');
  });

  it('refuses an authorization request without PKCE', async () => {
    const client = await registerClient(authkit.issuer);
    const url = authorizationUrl(authkit.issuer, client.client_id, 'x', {
      scope: SCOPE,
      code_challenge: undefined,
      code_challenge_method: undefined,
    });
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') as string);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it.each([
    ['a resource that is not an MCP URL', 'http://localhost:8787/api'],
    ['a resource with a fragment', 'http://localhost:8787/mcp#x'],
    ['a resource that is not http(s)', 'ftp://localhost/mcp'],
  ])('refuses %s with invalid_target', async (_label, resource) => {
    const client = await registerClient(authkit.issuer);
    const { challenge } = pkcePair();
    const response = await fetch(
      authorizationUrl(authkit.issuer, client.client_id, challenge, { scope: SCOPE, resource }),
      { redirect: 'manual' },
    );
    const location = new URL(response.headers.get('location') as string);
    expect(location.searchParams.get('error')).toBe('invalid_target');
  });

  it('sends the user back with access_denied when consent is denied', async () => {
    const client = await registerClient(authkit.issuer);
    const { challenge } = pkcePair();
    const callback = await authorizeWithForms(
      authorizationUrl(authkit.issuer, client.client_id, challenge, { scope: SCOPE, resource: RESOURCE }),
      {
        email: 'eve@example.com',
        consent: 'deny',
      },
    );
    expect(callback.searchParams.get('error')).toBe('access_denied');
  });

  it('refuses a sign-in form posted from another origin', async () => {
    // Prepare: start an authorization so an interaction exists
    const client = await registerClient(authkit.issuer);
    const { challenge } = pkcePair();
    const first = await fetch(authorizationUrl(authkit.issuer, client.client_id, challenge, { scope: SCOPE }), {
      redirect: 'manual',
    });
    const interaction = new URL(first.headers.get('location') as string, authkit.issuer);
    const cookies = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    // Act
    const response = await fetch(new URL(`${interaction.pathname}/login`, authkit.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=mallory%40example.com',
    });

    // Assess
    expect(response.status).toBe(403);
  });
});

describe('automatic sign-in', () => {
  let authkit: AuthkitStandin;

  beforeAll(async () => {
    authkit = await startAuthkitStandin({ port: 0, autoLoginEmail: 'robot@example.com' });
  });
  afterAll(async () => {
    await authkit.close();
  });

  it('signs in as autoLoginEmail and grants consent without showing a form', async () => {
    // Prepare
    const client = await registerClient(authkit.issuer);
    const { verifier, challenge } = pkcePair();

    // Act: an email typed into a form would be ignored; no form is shown at all
    const callback = await authorizeWithForms(
      authorizationUrl(authkit.issuer, client.client_id, challenge, { scope: SCOPE, resource: RESOURCE }),
      {
        email: 'someone-else@example.com',
      },
    );
    const { json } = await tokenRequest(authkit.issuer, {
      grant_type: 'authorization_code',
      client_id: client.client_id,
      code: callback.searchParams.get('code') as string,
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
    });

    // Assess
    expect(decodeJwt(json.access_token as string)).toMatchObject({
      email: 'robot@example.com',
      name: 'Robot',
      sub: userIdForEmail('robot@example.com'),
    });
  });
});
