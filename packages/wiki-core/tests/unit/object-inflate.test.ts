/**
 * Which engine inflates an object (JavaScript for small ones until node:zlib is loaded, node:zlib otherwise), and
 * node:zlib's errors given as the JavaScript inflater's: the same message, truncation marked.
 */
import { describe, expect, it } from '@jest/globals';
import { deflateSync } from 'node:zlib';
import { loadedZlib } from '../../src/lazy-zlib.js';
import { inflateObject } from '../../src/object-inflate.js';
import { InflateError } from '../../src/zlib-inflate.js';

const text = (size: number): Buffer =>
  Buffer.from('A wiki page line with [[Links]] in it.\n'.repeat(size / 39 + 1)).subarray(0, size);

describe('inflateObject', () => {
  it('inflates small objects in JavaScript until node:zlib is loaded, larger ones with node:zlib', () => {
    // Tests run in order in a fresh module registry: nothing has loaded node:zlib through wiki-core yet.
    for (const size of [0, 60, 3072])
      expect(inflateObject(deflateSync(text(size)), size).equals(text(size))).toBe(true);
    expect(loadedZlib()).toBeUndefined();
    expect(inflateObject(deflateSync(text(3073)), 3073).equals(text(3073))).toBe(true);
    expect(loadedZlib()).toBeDefined();
    expect(inflateObject(deflateSync(text(60)), 60).equals(text(60))).toBe(true);
  });

  it('gives node:zlib’s errors as InflateErrors, with truncation marked, for a small object too once it is loaded', () => {
    expect(loadedZlib()).toBeDefined();
    for (const size of [60, 50_000]) {
      const stream = deflateSync(text(size));
      const cut = (): Buffer => inflateObject(stream.subarray(0, stream.length - 5), size);
      expect(cut).toThrow(InflateError);
      expect(cut).toThrow(expect.objectContaining({ message: 'unexpected end of file', truncated: true }));
      const damaged = Buffer.from(stream);
      damaged[damaged.length - 1]! ^= 1;
      expect(() => inflateObject(damaged, size)).toThrow(
        expect.objectContaining({ message: 'incorrect data check', truncated: false }),
      );
    }
  });
});
