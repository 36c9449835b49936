/**
 * @module Bearer tokens an attacker might send, built with node:crypto from a real token: unsigned
 * (`alg: none`), HS256 keyed with the issuer's public key, signed by an unknown key, and — signed with
 * the stand-in's own key, read from its data directory — expired, not yet valid, for another audience
 * or from another issuer. Plus plain garbage. Each must be refused with 401.
 */
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const b64 = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

function decode(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [h, p] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(p, 'base64url').toString()),
  };
}

function rs256(header: object, payload: object, key: KeyObject): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

/** Forged and malformed `Authorization` header values, by name, derived from a real token. */
export function forgedAuthorizations(realToken: string, standinStateDir: string): Record<string, string> {
  const { header, payload } = decode(realToken);
  const now = Math.floor(Date.now() / 1000);
  const jwk = JSON.parse(readFileSync(join(standinStateDir, 'keys.json'), 'utf8')).jwks.keys[0];
  const issuerKey = createPrivateKey({ key: jwk, format: 'jwk' });
  const publicPem = createPublicKey(issuerKey).export({ type: 'spki', format: 'pem' });
  const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const [h, p, s] = realToken.split('.');
  const tamperedPayload = b64({ ...payload, email: 'admin@example.com', sub: 'someone-else' });
  const hsInput = `${b64({ ...header, alg: 'HS256' })}.${p}`;
  return {
    'alg none': `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${p}.`,
    'alg none, no dot': `Bearer ${b64({ alg: 'none' })}.${p}`,
    'HS256 keyed with the public key': `Bearer ${hsInput}.${createHmac('sha256', publicPem).update(hsInput).digest('base64url')}`,
    'signed by an unknown key, same kid': `Bearer ${rs256(header, payload, strangerKey)}`,
    'signed by an unknown key, no kid': `Bearer ${rs256({ alg: 'RS256', typ: 'JWT' }, payload, strangerKey)}`,
    expired: `Bearer ${rs256(header, { ...payload, iat: now - 7200, exp: now - 3600 }, issuerKey)}`,
    'not yet valid': `Bearer ${rs256(header, { ...payload, nbf: now + 3600, exp: now + 7200 }, issuerKey)}`,
    'wrong audience': `Bearer ${rs256(header, { ...payload, aud: 'https://evil.example/mcp' }, issuerKey)}`,
    'wrong issuer': `Bearer ${rs256(header, { ...payload, iss: 'https://evil.example' }, issuerKey)}`,
    'no exp': `Bearer ${rs256(header, Object.fromEntries(Object.entries(payload).filter(([k]) => k !== 'exp')), issuerKey)}`,
    'tampered payload': `Bearer ${h}.${tamperedPayload}.${s}`,
    'truncated signature': `Bearer ${h}.${p}.${s.slice(0, 20)}`,
    'empty bearer': 'Bearer ',
    'bearer only': 'Bearer',
    garbage: 'Bearer not-a-jwt',
    'three dots of garbage': 'Bearer a.b.c',
    'basic auth': `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    'lowercase scheme with junk': 'bearer %%%',
    'huge token': `Bearer ${'A'.repeat(16_000)}`,
  };
}
