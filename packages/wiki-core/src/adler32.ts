/** @module Adler-32, the checksum that ends every zlib stream (RFC 1950), and zlib's `adler32_combine`. */

const ADLER_BASE = 65521;

/** Adler-32 of `bytes`, continuing from `start` (1 for a fresh sum). */
export function adler32(bytes: Uint8Array, start: number): number {
  let a = start & 0xffff;
  let b = start >>> 16;
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(bytes.length, i + 5552); // the largest run before the sums can overflow 2^53 safely
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** The Adler-32 of two byte strings one after the other, from theirs (zlib's `adler32_combine`). */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_BASE;
  let a = first & 0xffff;
  let b = (rem * a) % ADLER_BASE;
  a += (second & 0xffff) + ADLER_BASE - 1;
  b += (first >>> 16) + (second >>> 16) + ADLER_BASE - rem;
  a %= ADLER_BASE;
  b %= ADLER_BASE;
  return ((b << 16) | a) >>> 0;
}
