/**
 * @module Tokens a verifier must refuse, each crafted by hand the way an attacker would, for `it.each`
 * tables in the identity package and in the apps that use it.
 */
import { createHmac } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { TestIssuer } from './test-issuer.js';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * `[name, token]` pairs, each of which must be refused with `invalid_token`. `claims` are those of an
 * otherwise acceptable token (at least `sub` and `aud`).
 */
export async function refusedTokens(
  issuer: TestIssuer,
  claims: JWTPayload & { aud: string },
): Promise<[string, string][]> {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: issuer.issuer, iat: now, exp: now + 300, ...claims };
  const valid = await issuer.sign(claims);
  const [header, body, signature] = valid.split('.');
  const hs256Input = `${b64({ alg: 'HS256', typ: 'JWT', kid: issuer.kid })}.${b64(payload)}`;
  const hs256 = `${hs256Input}.${createHmac('sha256', issuer.publicKeyPem).update(hs256Input).digest('base64url')}`;
  return [
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`],
    ['HS256 signed with the public key', hs256],
    ['signed with an unknown key', await issuer.sign(claims, { unpublished: true })],
    [
      'signed with an unknown key under a published kid',
      await issuer.sign(claims, { unpublished: true, kid: issuer.kid }),
    ],
    ['wrong issuer', await issuer.sign({ ...claims, iss: 'https://evil.example.com' })],
    ['wrong audience', await issuer.sign({ ...claims, aud: 'https://other.example.com/mcp' })],
    ['expired', await issuer.sign({ ...claims, iat: now - 7200, exp: now - 3600 })],
    ['not yet valid', await issuer.sign({ ...claims, nbf: now + 3600 })],
    [
      'issued in the future (beyond the clock tolerance)',
      await issuer.sign({ ...claims, iat: now + 3600, exp: now + 7200 }),
    ],
    ['without an expiry', await issuer.sign({ ...claims, exp: undefined })],
    ['tampered payload', `${header}.${b64({ ...payload, sub: 'user_admin' })}.${signature}`],
    ['tampered signature', `${header}.${body}.${signature.slice(0, -4)}AAAA`],
    ['garbage', 'not-a-token'],
    ['three garbage segments', 'abc.def.ghi'],
  ];
}
