/**
 * @module The content hash a static asset is linked and cached by: pages ask for `<url>?v=<hash>`, the response
 * is cached for a year, and a deployment that changes the asset changes the URL. Every cold start hashes the
 * stylesheet and scripts a page links, so the hash is zlib's CRC-32, native and in a module a page read loads
 * anyway: SHA-256 made a cold page view load node:crypto (~10 M instructions, ~3 ms of CPU), and a hash in
 * JavaScript cost more still (~19 M instructions over these 20 KB, run by the interpreter). Cache busting needs no
 * cryptographic strength, only that a changed asset gets another of 2^32 values.
 */
import { crc32 } from 'node:zlib';

/** 8 hex digits: the CRC-32 of `text` (UTF-8). */
export function fingerprint(text: string): string {
  return crc32(text).toString(16).padStart(8, '0');
}
