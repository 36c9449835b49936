/**
 * @module Inflating a git object's zlib stream with the engine that costs least: JavaScript (`zlib-inflate.ts`) for
 * small objects while node:zlib is not loaded, so a cold start that reads a page or two loads neither node:zlib nor
 * the node:stream it brings; node:zlib for the rest. Both give the same bytes and the same errors.
 */
import { loadedZlib, loadZlib } from './lazy-zlib.js';
import { InflateError, inflateZlib } from './zlib-inflate.js';

/**
 * Objects up to this size (once inflated) are inflated in JavaScript while node:zlib is not loaded. Cachegrind, a
 * fresh process inflating one text blob at git's level 1, over one only reading it (min of 2): node:zlib 14-19 M
 * instructions at every size (its import and node:stream's); JavaScript 1 KB +5 M, 2-3 KB +11-12 M, 4 KB +17 M,
 * 8 KB +68 M, 16 KB +84 M, 48 KB +108 M — past ~4 KB V8 optimizes the loop (on another thread: still instructions,
 * and a Lambda may have less than one core), and warm it is 2-4 times slower per byte than zlib.
 */
const JS_MAX_BYTES = 3 * 1024;

/**
 * The stream at the start of `input` inflated (bytes after it are ignored); `size` is the object's size, or an
 * estimate (the output grows past it). @throws InflateError with zlib's message, `truncated` if the input ends early
 */
export function inflateObject(input: Uint8Array, size: number): Buffer {
  const zlib = loadedZlib();
  if (!zlib && size <= JS_MAX_BYTES) return inflateZlib(input, size).bytes;
  try {
    // An output buffer of the known size: zlib's default 16 KiB chunk per call was most of a small blob's cost.
    return (zlib ?? loadZlib()).inflateSync(input, { chunkSize: Math.max(64, size + 64) });
  } catch (err) {
    const { message, code } = err as NodeJS.ErrnoException;
    throw new InflateError(message, code === 'Z_BUF_ERROR');
  }
}
