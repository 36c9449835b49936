import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { authorizeWithForms, startAuthkitStandin, type AuthkitStandin } from '../../src/index.js';
import { REDIRECT_URI, authorizationUrl, pkcePair } from '../helpers/oauth-client.js';

const WIKI = { client_id: 'wikibot-wiki', client_secret: 'wiki-secret', redirect_uris: [REDIRECT_URI] };

describe('a pre-registered confidential client (the wiki)', () => {
  let authkit: AuthkitStandin;

  beforeAll(async () => {
    authkit = await startAuthkitStandin({ port: 0, clients: [WIKI], defaultResource: 'http://localhost:8787/mcp' });
  });
  afterAll(async () => {
    await authkit.close();
  });

  it('signs a user in with OIDC: an ID token with email and name, and a userinfo endpoint that answers', async () => {
    // Prepare
    const { verifier, challenge } = pkcePair();
    const callback = await authorizeWithForms(
      authorizationUrl(authkit.issuer, WIKI.client_id, challenge, { scope: 'openid profile email', nonce: 'n-1' }),
      {
        email: 'grace@example.com',
        name: 'Grace Hopper',
      },
    );

    // Act
    const response = await fetch(`${authkit.issuer}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${WIKI.client_id}:${WIKI.client_secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code') as string,
        code_verifier: verifier,
        redirect_uri: REDIRECT_URI,
      }),
    });
    const tokens = (await response.json()) as Record<string, string>;

    // Assess
    expect(response.status).toBe(200);
    const { payload } = await jwtVerify(tokens.id_token, createRemoteJWKSet(new URL(`${authkit.issuer}/oauth2/jwks`)), {
      issuer: authkit.issuer,
      audience: WIKI.client_id,
    });
    expect(payload).toMatchObject({
      sub: authkit.userIdForEmail('grace@example.com'),
      email: 'grace@example.com',
      name: 'Grace Hopper',
      nonce: 'n-1',
    });
    const userinfo = await fetch(`${authkit.issuer}/oauth2/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ email: 'grace@example.com', name: 'Grace Hopper' });
  });

  it('refuses the token request with a wrong client secret', async () => {
    const { verifier, challenge } = pkcePair();
    const callback = await authorizeWithForms(
      authorizationUrl(authkit.issuer, WIKI.client_id, challenge, { scope: 'openid email' }),
    );
    const response = await fetch(`${authkit.issuer}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${WIKI.client_id}:wrong`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code') as string,
        code_verifier: verifier,
        redirect_uri: REDIRECT_URI,
      }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });
});
