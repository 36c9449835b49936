/**
 * The JavaScript inflater against node:zlib: the same bytes for every level and strategy and many sizes and kinds of
 * data, and for damaged streams the same outcome (the same bytes, or an error with zlib's message).
 */
import { describe, expect, it } from '@jest/globals';
import { constants, deflateRawSync, deflateSync, inflateSync } from 'node:zlib';
import { InflateError, inflateZlib } from '../../src/zlib-inflate.js';

/** A seeded generator (mulberry32): the same cases on every run. */
function random(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n) | 0;
  };
}

const next = random(7);
const noise = (size: number): Buffer => Buffer.from(Array.from({ length: size }, () => next(256)));
/** Words from a small vocabulary: compresses like a page of text (dynamic blocks, long matches). */
const words = ['the', 'wiki', 'page ', 'otter', 'link', '[[Home]]', '\n', '# Title\n', 'revision', ' ', ', '];
const text = (size: number): Buffer => {
  const parts: string[] = [];
  for (let n = 0; n < size; n += parts.at(-1)!.length) parts.push(words[next(words.length)]!);
  return Buffer.from(parts.join('').slice(0, size));
};
const repetitive = (size: number): Buffer => Buffer.alloc(size, 'ab');
const KINDS = { noise, text, repetitive };
const SIZES = [0, 1, 2, 60, 4095, 4097, 70_000, (1 << 20) + 3];

/** What node:zlib makes of a stream: its bytes, or its error message. */
function zlibOutcome(stream: Uint8Array): string {
  try {
    return `bytes ${inflateSync(stream).toString('hex')}`;
  } catch (err) {
    return `error ${(err as Error).message}`;
  }
}

function ourOutcome(stream: Uint8Array): string {
  try {
    return `bytes ${inflateZlib(stream, 16).bytes.toString('hex')}`;
  } catch (err) {
    expect(err).toBeInstanceOf(InflateError);
    return `error ${(err as Error).message}`;
  }
}

describe('inflateZlib', () => {
  it.each(Object.entries(KINDS))('inflates %s data of every size at every zlib level as zlib does', (_, make) => {
    for (const size of SIZES) {
      const data = make(size);
      for (let level = 0; level <= 9; level++) {
        const stream = deflateSync(data, { level });
        const inflated = inflateZlib(stream, size);
        expect(inflated.bytes.equals(data)).toBe(true);
        expect(inflated.bytes.equals(inflateSync(stream))).toBe(true);
        expect(inflated.end).toBe(stream.length);
      }
    }
  });

  it('inflates every strategy (fixed codes, Huffman only, RLE), with a size hint too small or too large', () => {
    for (const size of SIZES.slice(0, 7)) {
      const data = text(size);
      for (const strategy of [constants.Z_FIXED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FILTERED]) {
        const stream = deflateSync(data, { level: 6, strategy });
        for (const hint of [0, size, size * 3 + 1]) expect(inflateZlib(stream, hint).bytes.equals(data)).toBe(true);
      }
    }
  });

  it('reads blocks flushed one by one, empty stored blocks between them, as tree-compression.ts writes', () => {
    const runs = [text(3000), noise(500), Buffer.alloc(0), repetitive(70_000)];
    const flushed = runs.map((run) => deflateRawSync(run, { level: 1, finishFlush: constants.Z_FULL_FLUSH }));
    const whole = Buffer.concat(runs);
    const stream = Buffer.concat([deflateSync(Buffer.alloc(0)).subarray(0, 2), ...flushed, deflateRawSync('')]);
    const full = Buffer.concat([stream, deflateSync(whole).subarray(-4)]); // the Adler-32 of all runs' bytes
    expect(inflateSync(full).equals(whole)).toBe(true);
    expect(inflateZlib(full, 0).bytes.equals(whole)).toBe(true);
  });

  it('ignores bytes after the stream and says where it ended, as a pack entry followed by the next needs', () => {
    for (const size of [0, 1, 60, 5000]) {
      const data = text(size);
      const stream = deflateSync(data, { level: 1 });
      const followed = Buffer.concat([stream, noise(300)]);
      expect(inflateSync(followed).equals(data)).toBe(true);
      const inflated = inflateZlib(followed, size);
      expect(inflated.bytes.equals(data)).toBe(true);
      expect(inflated.end).toBe(stream.length);
    }
  });

  it('refuses every truncation of a stream as zlib does, marked as truncated', () => {
    for (const data of [text(3000), noise(700), Buffer.alloc(0)]) {
      const stream = deflateSync(data);
      for (let cut = 0; cut < stream.length; cut++) {
        const part = stream.subarray(0, cut);
        expect(ourOutcome(part)).toBe(zlibOutcome(part));
        expect(() => inflateZlib(part, 0)).toThrow(expect.objectContaining({ truncated: true }));
      }
    }
  });

  it('gives zlib’s outcome for damaged streams: the same bytes or the same error', () => {
    const rand = random(42);
    let refused = 0;
    for (let round = 0; round < 3000; round++) {
      const data = [text, noise, repetitive][round % 3]!(1 + rand(6000));
      const stream = Buffer.from(deflateSync(data, { level: round % 10 }));
      const at = rand(stream.length);
      if (round % 2 === 0) stream[at] ^= 1 << rand(8);
      else stream[at] = rand(256);
      const outcome = zlibOutcome(stream);
      expect(ourOutcome(stream)).toBe(outcome);
      if (outcome.startsWith('error')) refused++;
    }
    expect(refused).toBeGreaterThan(2500); // nearly every damage is caught (by the checksum at the latest)
  });

  it('refuses bad headers, a preset dictionary and a distance before the start with zlib’s messages', () => {
    const valid = deflateSync(Buffer.from('hello'));
    const withHeader = (cmf: number): Buffer =>
      Buffer.from([cmf, (31 - ((cmf * 256) % 31)) % 31, ...valid.subarray(2)]);
    const cases = [
      Buffer.from([0x78, 0x02, ...valid.subarray(2)]), // header check
      withHeader(0x77), // compression method 7
      withHeader(0x88), // a window of 2^16 bytes
      deflateSync(Buffer.from('hello hello'), { dictionary: Buffer.from('hello') }),
      Buffer.from([0x78, 0x01, 0x07, 0x00, 0x00]), // block type 3
      Buffer.from([0x78, 0x01, 0x01, 0x05, 0x00, 0x00, 0x00]), // stored lengths that disagree
      // Fixed codes: a literal 0, then a match 2 bytes back (one byte written so far); distance code 30; literal 286.
      fixedBlock([0x30, 8], [1, 7], [1, 5], [0, 7]),
      fixedBlock([0x30, 8], [1, 7], [30, 5], [0, 7]),
      fixedBlock([0xc6, 8], [0, 7]),
    ];
    for (const stream of cases) {
      const outcome = zlibOutcome(stream);
      expect(outcome).toMatch(/^error /);
      expect(ourOutcome(stream)).toBe(outcome);
    }
  });
});

/** A zlib stream of one block of fixed codes: the (code, bit length) pairs, each code's most significant bit first. */
function fixedBlock(...codes: Array<[code: number, length: number]>): Buffer {
  const bits = [1, 1, 0]; // the last block; fixed codes
  for (const [code, length] of codes) for (let b = length - 1; b >= 0; b--) bits.push((code >> b) & 1);
  const bytes = [0x78, 0x01];
  for (let i = 0; i < bits.length; i += 8)
    bytes.push(bits.slice(i, i + 8).reduce((byte, bit, k) => byte | (bit << k), 0));
  return Buffer.from([...bytes, 0, 0, 0, 0]);
}
