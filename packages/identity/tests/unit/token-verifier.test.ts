import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTokenVerifier, InvalidTokenError, VerifierUnavailableError } from '../../src/index.js';
import { listen, refusedTokens, startTestIssuer, type TestIssuer } from '../helpers/index.js';

const AUDIENCE = 'https://wiki.example.com/mcp';

describe('createTokenVerifier', () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await startTestIssuer();
  });
  afterAll(() => issuer.close());

  it('accepts a token from the issuer for the audience and reports who it is for', async () => {
    // Prepare
    const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE });
    const token = await issuer.sign({
      sub: 'user_01',
      aud: AUDIENCE,
      email: 'ada@example.com',
      email_verified: true,
      name: 'Ada Lovelace',
      scope: 'openid email profile',
      client_id: 'client_abc',
    });
    // Act
    const verified = await verifier.verify(token);
    // Assess
    expect(verified).toMatchObject({
      sub: 'user_01',
      email: 'ada@example.com',
      emailVerified: true,
      name: 'Ada Lovelace',
      scopes: ['openid', 'email', 'profile'],
      clientId: 'client_abc',
    });
    expect(verified.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(verified.claims.aud).toBe(AUDIENCE);
  });

  it('accepts a token whose aud array includes the audience, reading scp and azp', async () => {
    const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE });
    const token = await issuer.sign({
      sub: 'user_02',
      aud: ['https://other.example.com', AUDIENCE],
      scp: ['read'],
      azp: 'client_x',
    });
    const verified = await verifier.verify(token);
    expect(verified).toMatchObject({ sub: 'user_02', scopes: ['read'], clientId: 'client_x', email: undefined });
  });

  it('discovers the JWKS from the metadata once and reuses it', async () => {
    // Prepare
    const before = { ...issuer.hits };
    const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE });
    // Act
    for (let i = 0; i < 3; i += 1) await verifier.verify(await issuer.sign({ sub: `user_${i}`, aud: AUDIENCE }));
    // Assess
    expect(issuer.hits.metadata - before.metadata).toBe(1);
    expect(issuer.hits.jwks - before.jwks).toBe(1);
  });

  it('refetches the JWKS once when a token names a newly rotated key', async () => {
    // Prepare
    const own = await startTestIssuer();
    const verifier = createTokenVerifier({ issuer: own.issuer, audience: AUDIENCE, jwksCooldownMs: 0 });
    await verifier.verify(await own.sign({ sub: 'user_1', aud: AUDIENCE }));
    await own.rotate();
    // Act
    const verified = await verifier.verify(await own.sign({ sub: 'user_1', aud: AUDIENCE }));
    // Assess
    expect(verified.sub).toBe('user_1');
    expect(own.hits.jwks).toBe(2);
    await own.close();
  });

  it('does not refetch the JWKS for unknown kids within the cooldown', async () => {
    // Prepare
    const own = await startTestIssuer();
    const verifier = createTokenVerifier({ issuer: own.issuer, audience: AUDIENCE });
    await verifier.verify(await own.sign({ sub: 'user_1', aud: AUDIENCE }));
    // Act
    for (const kid of ['made-up-1', 'made-up-2', 'made-up-3']) {
      await expect(
        verifier.verify(await own.sign({ sub: 'user_1', aud: AUDIENCE }, { unpublished: true, kid })),
      ).rejects.toThrow(InvalidTokenError);
    }
    // Assess
    expect(own.hits.jwks).toBe(1);
    await own.close();
  });

  it('remembers a verified token, and only until it expires', async () => {
    // Prepare
    const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE, clockToleranceSec: 0 });
    // A few seconds of life: on a loaded 2-core machine the first verify (metadata + JWKS fetch) took over 1 s.
    const exp = Math.floor(Date.now() / 1000) + 4;
    const token = await issuer.sign({ sub: 'user_1', aud: AUDIENCE, exp });
    // Act
    const first = await verifier.verify(token);
    const second = await verifier.verify(token);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 1100));
    // Assess
    expect(second).toBe(first);
    await expect(verifier.verify(token)).rejects.toThrow('The token has expired');
  });

  it('uses an explicit jwksUrl without reading the metadata', async () => {
    const before = issuer.hits.metadata;
    const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE, jwksUrl: issuer.jwksUrl });
    await verifier.verify(await issuer.sign({ sub: 'user_1', aud: AUDIENCE }));
    expect(issuer.hits.metadata).toBe(before);
  });

  it('verifies an issuer with a path through its RFC 8414 metadata URL', async () => {
    const tenant = await startTestIssuer({ issuerPath: '/tenant' });
    const verifier = createTokenVerifier({ issuer: tenant.issuer, audience: AUDIENCE });
    await expect(verifier.verify(await tenant.sign({ sub: 'user_t', aud: AUDIENCE }))).resolves.toMatchObject({
      sub: 'user_t',
    });
    await tenant.close();
  });

  describe('refused tokens', () => {
    let cases: [string, string][] = [];
    beforeAll(async () => {
      cases = await refusedTokens(issuer, { sub: 'user_01', aud: AUDIENCE });
    });

    it('has an attack table to check', () => {
      expect(cases.length).toBeGreaterThanOrEqual(10);
    });

    it.each([
      'alg none',
      'HS256 signed with the public key',
      'signed with an unknown key',
      'signed with an unknown key under a published kid',
      'wrong issuer',
      'wrong audience',
      'expired',
      'not yet valid',
      'issued in the future (beyond the clock tolerance)',
      'without an expiry',
      'tampered payload',
      'tampered signature',
      'garbage',
      'three garbage segments',
    ])('refuses a token that is %s with InvalidTokenError', async (name) => {
      // Prepare
      const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE });
      const token = cases.find(([n]) => n === name)?.[1];
      expect(token).toBeDefined();
      // Act
      const outcome = verifier.verify(token!);
      // Assess
      await expect(outcome).rejects.toThrow(InvalidTokenError);
      await expect(outcome).rejects.not.toThrow(token!);
    });

    it('explains an audience mismatch so an operator can fix the resource indicator', async () => {
      const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE });
      const token = cases.find(([n]) => n === 'wrong audience')![1];
      await expect(verifier.verify(token)).rejects.toThrow(
        /not meant for https:\/\/wiki\.example\.com\/mcp.*resource indicator/,
      );
    });

    it('accepts a token issued within the clock tolerance ahead of this clock', async () => {
      const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE });
      const now = Math.floor(Date.now() / 1000);
      await expect(
        verifier.verify(await issuer.sign({ sub: 'user_01', aud: AUDIENCE, iat: now + 20 })),
      ).resolves.toMatchObject({ sub: 'user_01' });
    });

    it('accepts a token expired within the clock tolerance', async () => {
      const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE, clockToleranceSec: 30 });
      const now = Math.floor(Date.now() / 1000);
      await expect(
        verifier.verify(await issuer.sign({ sub: 'user_1', aud: AUDIENCE, exp: now - 10 })),
      ).resolves.toMatchObject({ sub: 'user_1' });
    });
  });

  describe('as an OIDC ID token verifier', () => {
    it('checks the nonce when one is expected', async () => {
      const verifier = createTokenVerifier({
        issuer: issuer.issuer,
        audience: 'client_wiki',
        metadataUrl: `${issuer.issuer}/.well-known/openid-configuration`,
      });
      const token = await issuer.sign({ sub: 'user_1', aud: 'client_wiki', nonce: 'n-123' });
      await expect(verifier.verify(token, { nonce: 'n-123' })).resolves.toMatchObject({ sub: 'user_1' });
      await expect(verifier.verify(token, { nonce: 'other' })).rejects.toThrow(InvalidTokenError);
    });
  });

  describe('configuration', () => {
    it.each([['none'], ['HS256'], ['hs512']])('refuses to allow the %s algorithm', (alg) => {
      expect(() =>
        createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE, algorithms: ['RS256', alg] }),
      ).toThrow(/asymmetric/);
    });
  });

  describe('when the issuer cannot be reached', () => {
    it('reports the verifier as unavailable rather than the token as invalid, and retries later', async () => {
      // Prepare
      let up = false;
      const own = await startTestIssuer();
      const proxy = await listen(async (request) => {
        if (!up) return new Response('down', { status: 503 });
        const url = new URL(request.url);
        return fetch(`${own.issuer}${url.pathname}`);
      });
      const verifier = createTokenVerifier({
        issuer: own.issuer,
        audience: AUDIENCE,
        metadataUrl: `${proxy.url}/.well-known/oauth-authorization-server`,
      });
      const token = await own.sign({ sub: 'user_1', aud: AUDIENCE });
      // Act + Assess
      await expect(verifier.verify(token)).rejects.toThrow(VerifierUnavailableError);
      up = true;
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'user_1' });
      await proxy.close();
      await own.close();
    });

    it('refuses metadata that names another issuer', async () => {
      const verifier = createTokenVerifier({
        issuer: 'https://elsewhere.example.com',
        audience: AUDIENCE,
        metadataUrl: issuer.metadataUrl,
      });
      await expect(verifier.verify(await issuer.sign({ sub: 'user_1', aud: AUDIENCE }))).rejects.toThrow(
        /names issuer/,
      );
    });
  });
});
