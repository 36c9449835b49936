/**
 * @module node:crypto when first needed. Importing it cost a cold anonymous page view ~10 M instructions (~3 ms of
 * CPU: its cipher, hash and key modules, beyond the node:stream that zlib loads anyway), and such a view derives,
 * hashes and encrypts nothing: sessions, CSRF checks and sign-out markers load it on first use.
 */
import type * as NodeCrypto from 'node:crypto';

/** node:crypto (Node loads a built-in once; later calls are a lookup). */
export const nodeCrypto = (): typeof NodeCrypto => process.getBuiltinModule('node:crypto');
