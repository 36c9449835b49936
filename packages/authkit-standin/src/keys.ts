/**
 * @module The stand-in's signing keys and cookie keys: generated once and, with a data directory,
 * kept in `keys.json` so tokens issued before a restart still verify after it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { readJsonFile, writeJsonFile } from './json-file.js';

/** Private key material the provider signs with. */
export interface StandinKeys {
  /** Private RSA JWKs (RS256), each with `kid`, `alg` and `use`. */
  readonly jwks: { keys: JWK[] };
  /** Secrets that sign the provider's cookies. */
  readonly cookieKeys: string[];
}

async function generateKeys(): Promise<StandinKeys> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

/** Loads the keys from `<dataDir>/keys.json`, generating (and saving) them on first use. */
export async function loadOrCreateKeys(dataDir: string | undefined): Promise<StandinKeys> {
  const file = dataDir ? join(dataDir, 'keys.json') : undefined;
  const stored = file ? readJsonFile<StandinKeys>(file) : undefined;
  if (stored?.jwks?.keys?.length && stored.cookieKeys?.length) return stored;
  const keys = await generateKeys();
  if (file) writeJsonFile(file, keys);
  return keys;
}
