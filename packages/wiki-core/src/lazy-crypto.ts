/**
 * @module node:crypto, loaded on the first hash or random id. Importing it loads its cipher modules and with them
 * node:stream: ~2–4 ms of a cold wiki Lambda's CPU (bare `node -e 0` is ~25 ms), and a page read hashes nothing —
 * only writes, locks and `.git/index` checksums do.
 */
import type * as NodeCrypto from 'node:crypto';

let crypto: typeof NodeCrypto | undefined;
const load = (): typeof NodeCrypto => (crypto ??= process.getBuiltinModule('node:crypto'));

/** `crypto.createHash`. */
export const createHash = (algorithm: string): NodeCrypto.Hash => load().createHash(algorithm);
/** `crypto.randomBytes`. */
export const randomBytes = (size: number): Buffer => load().randomBytes(size);
/** `crypto.randomUUID`. */
export const randomUUID = (): string => load().randomUUID();
