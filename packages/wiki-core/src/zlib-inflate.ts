/**
 * @module Inflating a zlib stream (RFC 1950 around RFC 1951's deflate) in JavaScript: the small git objects a cold
 * start reads (`object-inflate.ts` chooses). Not node:zlib, whose import loads node:stream with it (~12 M
 * instructions, paid by a cold page's first render for one small blob); not a library either, as each measured
 * costs more at a cold start (cachegrind over an empty module: fflate 0.8.3 ~50 M to load, it fills a 32 K-entry
 * table at import; pako 3.0.3 ~8 M to load, ~20 M with one small inflate) or cannot tell a truncated stream
 * (tiny-inflate reads past its input as zero bits, and can loop on them). Checks what zlib checks (header, code
 * sets, distances, Adler-32) with zlib's messages, and reports where the stream ended.
 */
import { adler32 } from './adler32.js';

/** A stream that is not valid zlib data; `truncated` when it is valid as far as it goes but ends too early. */
export class InflateError extends Error {
  constructor(
    message: string,
    readonly truncated = false,
  ) {
    super(message);
    this.name = 'InflateError';
  }
}

/** The inflated bytes, and the offset just past the stream's checksum in the input. */
export interface Inflated {
  readonly bytes: Buffer;
  readonly end: number;
}

const MAX_BITS = 15;
/** Codes of up to this many bits are decoded with one table lookup; longer ones (rare) bit by bit. */
const FAST_BITS = 9;
const FAST_MASK = (1 << FAST_BITS) - 1;
/** Lengths of symbols 257-285: the base, then how many extra bits follow. */
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** Extra bits of distance codes 0-29 (their bases follow from these). */
const DISTANCE_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
/** The order in which a dynamic block sends the code lengths of its code-length code. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const DISTANCE_BASE: number[] = [];
for (let i = 0, base = 1; i < 30; base += 1 << DISTANCE_EXTRA[i++]!) DISTANCE_BASE.push(base);

/** A canonical Huffman code: symbols by code length (as puff.c keeps them), plus a lookup of the short codes. */
class HuffmanCode {
  readonly count = new Uint16Array(MAX_BITS + 1);
  readonly symbol: Uint16Array;
  /** By the next FAST_BITS input bits: `symbol << 4 | length` of a code that short, else 0. */
  readonly fast = new Uint16Array(1 << FAST_BITS);
  total = 0;

  constructor(
    size: number,
    /** The message for a bad set of lengths (over-subscribed, or incomplete where that is not allowed). */
    private readonly badSet: string,
    readonly badCode: string,
  ) {
    this.symbol = new Uint16Array(size);
  }

  /** Builds the code from each symbol's code length (0: unused); zlib's rule on incomplete codes. */
  build(lengths: Uint8Array, from: number, n: number, allowIncomplete: boolean): this {
    const { count, symbol, fast } = this;
    count.fill(0);
    for (let s = 0; s < n; s++) count[lengths[from + s]!]!++;
    this.total = n - count[0]!;
    let left = 1;
    for (let len = 1; len <= MAX_BITS; len++) {
      left = left * 2 - count[len]!;
      if (left < 0) throw new InflateError(this.badSet);
    }
    // zlib accepts an incomplete code of one 1-bit code, or none at all (a block of literals has no distances).
    const incompleteAllowed = allowIncomplete && (this.total === 0 || (this.total === 1 && count[1] === 1));
    if (left > 0 && !incompleteAllowed) throw new InflateError(this.badSet);
    const offset = new Uint16Array(MAX_BITS + 2);
    for (let len = 1; len <= MAX_BITS; len++) offset[len + 1] = offset[len]! + count[len]!;
    for (let s = 0; s < n; s++) {
      const len = lengths[from + s]!;
      if (len !== 0) symbol[offset[len]!++] = s;
    }
    fast.fill(0);
    for (let len = 1, code = 0, index = 0; len <= FAST_BITS; len++, code <<= 1) {
      for (let k = count[len]!; k > 0; k--, code++) {
        // Input bits arrive least significant first, codes most significant bit first: index by the reversed code.
        let reversed = 0;
        for (let b = 0; b < len; b++) reversed |= ((code >> b) & 1) << (len - 1 - b);
        const entry = (symbol[index++]! << 4) | len;
        for (let i = reversed; i <= FAST_MASK; i += 1 << len) fast[i] = entry;
      }
    }
    return this;
  }
}

let fixedCodes: { literal: HuffmanCode; distance: HuffmanCode } | undefined;
/** The fixed codes of RFC 1951 3.2.6, built on first use. */
function fixed(): { literal: HuffmanCode; distance: HuffmanCode } {
  if (fixedCodes) return fixedCodes;
  const lengths = new Uint8Array(288 + 32).fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
  lengths.fill(5, 288);
  return (fixedCodes = {
    literal: new HuffmanCode(288, '', 'invalid literal/length code').build(lengths, 0, 288, false),
    distance: new HuffmanCode(32, '', 'invalid distance code').build(lengths, 288, 32, false),
  });
}

let dynamicCodes: { literal: HuffmanCode; distance: HuffmanCode; lengths: HuffmanCode } | undefined;
/** The codes of dynamic blocks, rebuilt for each block (reading is synchronous: one block at a time). */
function dynamic(): { literal: HuffmanCode; distance: HuffmanCode; lengths: HuffmanCode } {
  return (dynamicCodes ??= {
    literal: new HuffmanCode(286, 'invalid literal/lengths set', 'invalid literal/length code'),
    distance: new HuffmanCode(30, 'invalid distances set', 'invalid distance code'),
    lengths: new HuffmanCode(19, 'invalid code lengths set', 'invalid code lengths set'),
  });
}

const truncated = (): InflateError => new InflateError('unexpected end of file', true);

/** One stream being inflated: the input, the bits read ahead of the next symbol, the output so far. */
class Inflater {
  private pos = 2;
  private bitBuffer = 0;
  private bitCount = 0;
  length = 0;

  constructor(
    private readonly input: Uint8Array,
    public out: Buffer,
  ) {}

  /** The next `n` (at most 16) bits, first-read bit lowest. */
  private bits(n: number): number {
    let buffer = this.bitBuffer;
    let count = this.bitCount;
    while (count < n) {
      if (this.pos >= this.input.length) throw truncated();
      buffer |= this.input[this.pos++]! << count;
      count += 8;
    }
    this.bitBuffer = buffer >>> n;
    this.bitCount = count - n;
    return buffer & ((1 << n) - 1);
  }

  /** Drops the bits left of the current byte and gives back whole bytes read ahead; the offset reached. */
  align(): number {
    this.pos -= this.bitCount >> 3;
    this.bitBuffer = 0;
    this.bitCount = 0;
    return this.pos;
  }

  private decode(code: HuffmanCode): number {
    const { input } = this;
    while (this.bitCount < FAST_BITS && this.pos < input.length) {
      this.bitBuffer |= input[this.pos++]! << this.bitCount;
      this.bitCount += 8;
    }
    const entry = code.fast[this.bitBuffer & FAST_MASK]!;
    const length = entry & 15;
    if (entry !== 0) {
      if (length > this.bitCount) throw truncated();
      this.bitBuffer >>>= length;
      this.bitCount -= length;
      return entry >> 4;
    }
    // A longer code (or none): canonical decoding bit by bit, as puff.c does.
    for (let len = 1, bits = 0, first = 0, index = 0; len <= MAX_BITS; len++) {
      if (index >= code.total) break;
      bits |= this.bits(1);
      const count = code.count[len]!;
      if (bits - first < count) return code.symbol[index + bits - first]!;
      index += count;
      first = (first + count) << 1;
      bits <<= 1;
    }
    throw new InflateError(code.badCode);
  }

  private reserve(n: number): Buffer {
    if (this.length + n > this.out.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.length + n));
      this.out.copy(grown, 0, 0, this.length);
      this.out = grown;
    }
    return this.out;
  }

  /** One block; true when it was the last. */
  block(): boolean {
    const last = this.bits(1) === 1;
    const type = this.bits(2);
    if (type === 0) this.stored();
    else if (type === 1) this.codes(fixed().literal, fixed().distance);
    else if (type === 2) this.dynamicBlock();
    else throw new InflateError('invalid block type');
    return last;
  }

  private stored(): void {
    const { input } = this;
    const at = this.align();
    if (at + 4 > input.length) throw truncated();
    const n = input[at]! | (input[at + 1]! << 8);
    if (n !== (~(input[at + 2]! | (input[at + 3]! << 8)) & 0xffff))
      throw new InflateError('invalid stored block lengths');
    if (at + 4 + n > input.length) throw truncated();
    this.reserve(n).set(input.subarray(at + 4, at + 4 + n), this.length);
    this.length += n;
    this.pos = at + 4 + n;
  }

  private dynamicBlock(): void {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new InflateError('too many length or distance symbols');
    const codes = dynamic();
    const lengths = new Uint8Array(nlen + ndist);
    const order = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) order[CODE_LENGTH_ORDER[i]!] = this.bits(3);
    codes.lengths.build(order, 0, 19, false);
    for (let i = 0; i < lengths.length;) {
      const symbol = this.decode(codes.lengths);
      if (symbol < 16) {
        lengths[i++] = symbol;
        continue;
      }
      if (symbol === 16 && i === 0) throw new InflateError('invalid bit length repeat');
      const value = symbol === 16 ? lengths[i - 1]! : 0;
      const repeat = symbol === 16 ? 3 + this.bits(2) : symbol === 17 ? 3 + this.bits(3) : 11 + this.bits(7);
      if (i + repeat > lengths.length) throw new InflateError('invalid bit length repeat');
      lengths.fill(value, i, i + repeat);
      i += repeat;
    }
    if (lengths[256] === 0) throw new InflateError('invalid code -- missing end-of-block');
    this.codes(codes.literal.build(lengths, 0, nlen, true), codes.distance.build(lengths, nlen, ndist, true));
  }

  private codes(literal: HuffmanCode, distance: HuffmanCode): void {
    for (;;) {
      // Room for the longest a symbol can write (258 bytes): no check per byte.
      const out = this.reserve(258);
      const symbol = this.decode(literal);
      if (symbol < 256) {
        out[this.length++] = symbol;
        continue;
      }
      if (symbol === 256) return;
      if (symbol > 285) throw new InflateError(literal.badCode);
      const length = LENGTH_BASE[symbol - 257]! + this.bits(LENGTH_EXTRA[symbol - 257]!);
      const code = this.decode(distance);
      if (code > 29) throw new InflateError(distance.badCode);
      const back = DISTANCE_BASE[code]! + this.bits(DISTANCE_EXTRA[code]!);
      if (back > this.length) throw new InflateError('invalid distance too far back');
      const end = this.length + length;
      for (let from = this.length - back, to = this.length; to < end;) out[to++] = out[from++]!;
      this.length = end;
    }
  }
}

/**
 * Inflates the zlib stream at the start of `input` (bytes after it are ignored), into a buffer of `sizeHint`
 * bytes first (grown if the stream holds more). @throws InflateError, with zlib's message for the fault
 */
export function inflateZlib(input: Uint8Array, sizeHint: number): Inflated {
  if (input.length < 2) throw truncated();
  const cmf = input[0]!;
  const flg = input[1]!;
  if ((cmf * 256 + flg) % 31 !== 0) throw new InflateError('incorrect header check');
  if ((cmf & 15) !== 8) throw new InflateError('unknown compression method');
  if (cmf >> 4 > 7) throw new InflateError('invalid window size');
  if (flg & 0x20) throw new InflateError('Missing dictionary');
  const inflater = new Inflater(input, Buffer.allocUnsafe(sizeHint));
  while (!inflater.block());
  const end = inflater.align() + 4;
  if (end > input.length) throw truncated();
  const bytes = inflater.out.subarray(0, inflater.length);
  const check = ((input[end - 4]! << 24) | (input[end - 3]! << 16) | (input[end - 2]! << 8) | input[end - 1]!) >>> 0;
  if (check !== adler32(bytes, 1)) throw new InflateError('incorrect data check');
  return { bytes, end };
}
