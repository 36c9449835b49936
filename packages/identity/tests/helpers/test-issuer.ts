/**
 * @module A minimal real authorization server for verifier tests: RFC 8414 metadata and a JWKS served
 * over HTTP, and a signer that issues RS256 JWTs with the published key. (End-to-end tests use the
 * AuthKit stand-in; this one exists to craft the tokens an attacker would send.)
 */
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { listen } from './listen.js';

/** A running test issuer. */
export interface TestIssuer {
  readonly issuer: string;
  readonly metadataUrl: string;
  readonly jwksUrl: string;
  /** The published signing key's id. */
  readonly kid: string;
  /** The published public key as PEM (what an HS256-confusion attacker would use as the HMAC secret). */
  readonly publicKeyPem: string;
  /** How often each document was fetched. */
  readonly hits: { metadata: number; jwks: number };
  /**
   * Signs `claims` (defaults: iss = issuer, iat = now, exp = now + 5 min) with the published key, or with
   * an unpublished one when `options.unpublished` is set.
   */
  sign(claims: JWTPayload, options?: { unpublished?: boolean; kid?: string }): Promise<string>;
  /** Publishes a second key and returns a signer for it (a key rotation). */
  rotate(): Promise<{ kid: string }>;
  close(): Promise<void>;
}

interface KeyEntry {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function newKey(kid: string): Promise<KeyEntry & { publicKey: CryptoKey }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** Starts an issuer on 127.0.0.1; `options.issuerPath` gives the issuer a path (e.g. `/tenant`). */
export async function startTestIssuer(options: { issuerPath?: string } = {}): Promise<TestIssuer> {
  const first = await newKey('key-1');
  const published: KeyEntry[] = [first];
  const stranger = await newKey('key-unpublished');
  const hits = { metadata: 0, jwks: 0 };
  const path = options.issuerPath ?? '';
  let issuer = '';
  const server = await listen((request) => {
    const { pathname } = new URL(request.url);
    if (
      pathname === `/.well-known/oauth-authorization-server${path}` ||
      pathname === `${path}/.well-known/openid-configuration`
    ) {
      hits.metadata += 1;
      return Response.json({ issuer, jwks_uri: `${issuer}/oauth2/jwks`, token_endpoint: `${issuer}/oauth2/token` });
    }
    if (pathname === `${path}/oauth2/jwks`) {
      hits.jwks += 1;
      return Response.json({ keys: published.map((k) => k.jwk) });
    }
    return Response.json({ error: 'not_found' }, { status: 404 });
  });
  issuer = `${server.url}${path}`;
  const metadataPath = `/.well-known/oauth-authorization-server${path}`;
  return {
    issuer,
    metadataUrl: `${server.url}${metadataPath}`,
    jwksUrl: `${issuer}/oauth2/jwks`,
    kid: first.kid,
    publicKeyPem: await exportSPKI(first.publicKey),
    hits,
    async sign(claims, signOptions = {}) {
      const key = signOptions.unpublished ? stranger : published[published.length - 1];
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, iat: now, exp: now + 300, ...claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: signOptions.kid ?? key.kid })
        .sign(key.privateKey);
    },
    async rotate() {
      const next = await newKey(`key-${published.length + 1}`);
      published.push(next);
      return { kid: next.kid };
    },
    close: () => server.close(),
  };
}
