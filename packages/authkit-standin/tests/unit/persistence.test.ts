import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { authorizeWithForms, startAuthkitStandin } from '../../src/index.js';
import { REDIRECT_URI, authorizationUrl, pkcePair, registerClient, tokenRequest } from '../helpers/oauth-client.js';

const RESOURCE = 'http://localhost:8787/mcp';

describe('persistence under dataDir', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'authkit-standin-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps signing keys, registered clients and refresh tokens across a restart', async () => {
    // Prepare: sign in on a first instance
    const first = await startAuthkitStandin({ port: 0, dataDir, autoLoginEmail: 'ada@example.com' });
    const client = await registerClient(first.issuer);
    const { verifier, challenge } = pkcePair();
    const callback = await authorizeWithForms(
      authorizationUrl(first.issuer, client.client_id, challenge, {
        scope: 'openid email offline_access',
        resource: RESOURCE,
      }),
    );
    const tokens = await tokenRequest(first.issuer, {
      grant_type: 'authorization_code',
      client_id: client.client_id,
      code: callback.searchParams.get('code') as string,
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
    });
    const port = first.port;
    await first.close();

    // Act: restart on the same port and data directory
    const second = await startAuthkitStandin({ port, dataDir });
    try {
      const jwks = createRemoteJWKSet(new URL(`${second.issuer}/oauth2/jwks`));
      const verified = await jwtVerify(tokens.json.access_token as string, jwks, {
        issuer: second.issuer,
        audience: RESOURCE,
      });
      const refreshed = await tokenRequest(second.issuer, {
        grant_type: 'refresh_token',
        client_id: client.client_id,
        refresh_token: tokens.json.refresh_token as string,
      });

      // Assess
      expect(verified.payload.email).toBe('ada@example.com');
      expect(refreshed.status).toBe(200);
      expect(refreshed.json.access_token).toEqual(expect.any(String));
    } finally {
      await second.close();
    }
  });

  it('forgets everything without a data directory', async () => {
    const first = await startAuthkitStandin({ port: 0 });
    const firstKeys = await (await fetch(`${first.issuer}/oauth2/jwks`)).json();
    const port = first.port;
    await first.close();
    const second = await startAuthkitStandin({ port });
    const secondKeys = await (await fetch(`${second.issuer}/oauth2/jwks`)).json();
    await second.close();
    expect(secondKeys).not.toEqual(firstKeys);
  });
});
