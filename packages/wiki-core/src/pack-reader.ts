/**
 * @module Reading objects from git packfiles (v2 index), with delta resolution and a small cache of resolved
 * objects — deltified trees are the common case in a `git gc`-ed or fast-imported repository, and resolving their
 * chains without a cache is what makes generic readers slow. Synchronous, like the loose-object codec. Pack index
 * version 1 (git before 1.5.2, 2007) is not supported.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { GitObject } from './object-codec.js';
import { inflateObject } from './object-inflate.js';
import { InflateError } from './zlib-inflate.js';

const TYPES = ['', 'commit', 'tree', 'blob', 'tag'] as const;
const OFS_DELTA = 6;
const REF_DELTA = 7;
const CACHE_SIZE = 512;
const SCRATCH_BYTES = 4096;

/** One packfile and its index. */
class Pack {
  private readonly fd: number;
  private readonly count: number;
  private readonly cache = new Map<number, GitObject>();
  /** Where entries are first read: most of a wiki's objects (pages, commits, deltas) fit in it whole. */
  private readonly scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

  constructor(
    private readonly idx: Buffer,
    packPath: string,
    private readonly resolveRef: (oid: string) => GitObject | null,
  ) {
    if (idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2)
      throw new Error('Unsupported pack index version');
    this.count = idx.readUInt32BE(8 + 255 * 4);
    this.fd = openSync(packPath, 'r');
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The object's offset in the pack, or -1. */
  find(oid: string): number {
    const want = Buffer.from(oid, 'hex');
    const first = want[0]!;
    let lo = first === 0 ? 0 : this.idx.readUInt32BE(8 + (first - 1) * 4);
    let hi = this.idx.readUInt32BE(8 + first * 4);
    const names = 8 + 256 * 4;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const cmp = this.idx.compare(want, 0, 20, names + mid * 20, names + mid * 20 + 20);
      if (cmp === 0) return this.offsetAt(mid);
      if (cmp > 0) hi = mid;
      else lo = mid + 1;
    }
    return -1;
  }

  /** Ids in this pack starting with `prefix` (hex, even or odd length). */
  matching(prefix: string): string[] {
    const names = 8 + 256 * 4;
    const low = Buffer.from(prefix.padEnd(40, '0'), 'hex');
    const first = low[0]!;
    let lo = first === 0 ? 0 : this.idx.readUInt32BE(8 + (first - 1) * 4);
    let hi = this.idx.readUInt32BE(8 + first * 4);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // idx.compare(target, …, sourceStart, sourceEnd) compares the idx entry with `low`.
      if (this.idx.compare(low, 0, 20, names + mid * 20, names + mid * 20 + 20) < 0) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.count; i++) {
      const oid = this.idx.toString('hex', names + i * 20, names + i * 20 + 20);
      if (!oid.startsWith(prefix)) break;
      out.push(oid);
    }
    return out;
  }

  private offsetAt(i: number): number {
    const offsets = 8 + 256 * 4 + this.count * 24;
    const small = this.idx.readUInt32BE(offsets + i * 4);
    if ((small & 0x80000000) === 0) return small;
    const large = offsets + this.count * 4 + (small & 0x7fffffff) * 8;
    return Number(this.idx.readBigUInt64BE(large));
  }

  /** Reads and fully resolves the object at `offset`. */
  readAt(offset: number): GitObject {
    const hit = this.cache.get(offset);
    if (hit) return hit;
    // One read for the entry's header and (usually) its whole zlib stream: a cold open reads thousands of
    // small blobs, and a second read per object was a third of their cost.
    const got = readSync(this.fd, this.scratch, 0, this.scratch.length, offset);
    const head = this.scratch;
    let i = 0;
    let c = head[i++]!;
    const type = (c >> 4) & 7;
    let size = c & 15;
    for (let shift = 4; c & 0x80; shift += 7) {
      c = head[i++]!;
      size += (c & 0x7f) * 2 ** shift;
    }
    let baseOffset = -1;
    let baseOid: string | null = null;
    if (type === OFS_DELTA) {
      c = head[i++]!;
      let rel = c & 0x7f;
      while (c & 0x80) {
        c = head[i++]!;
        rel = (rel + 1) * 128 + (c & 0x7f);
      }
      baseOffset = offset - rel;
    } else if (type === REF_DELTA) {
      baseOid = head.subarray(i, i + 20).toString('hex');
      i += 20;
    }
    if (i > got) throw new Error('Truncated pack entry');
    const data = this.inflateAt(offset + i, size, got - i, i);
    // The base is resolved after this entry's bytes are inflated: resolving it reuses the scratch buffer.
    let base: GitObject | null = null;
    if (baseOffset >= 0) base = this.readAt(baseOffset);
    else if (baseOid !== null) {
      base = this.resolveRef(baseOid);
      if (!base) throw new Error(`Missing delta base ${baseOid}`);
    }
    const object = base
      ? { type: base.type, body: applyDelta(base.body, data) }
      : { type: TYPES[type] ?? '', body: data };
    this.cache.set(offset, object);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return object;
  }

  /**
   * Inflates the zlib stream at `position` (`size` bytes once inflated). `have` bytes of it are already in the
   * scratch buffer from `from`; a stream that goes on past them is read whole, in longer reads (bytes of the next
   * entry after it are ignored).
   */
  private inflateAt(position: number, size: number, have: number, from: number): Buffer {
    let input = this.scratch.subarray(from, from + have);
    // The first read stopped short of the scratch buffer's end: it reached the end of the pack.
    let atEnd = from + have < this.scratch.length;
    for (;;) {
      try {
        const bytes = inflateObject(input, size);
        if (bytes.length !== size) throw new Error('Pack entry size mismatch');
        return bytes;
      } catch (err) {
        if (!(err instanceof InflateError && err.truncated) || atEnd) throw err;
      }
      const len = Math.max(size + 256, input.length * 2);
      const buf = Buffer.allocUnsafe(len);
      const n = readSync(this.fd, buf, 0, len, position);
      input = buf.subarray(0, n);
      atEnd = n < len;
    }
  }
}

function readVarint(buf: Buffer, state: { i: number }): number {
  let value = 0;
  let shift = 0;
  let c: number;
  do {
    c = buf[state.i++]!;
    value += (c & 0x7f) * 2 ** shift;
    shift += 7;
  } while (c & 0x80);
  return value;
}

/** Applies a git delta to its base. */
export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  const state = { i: 0 };
  if (readVarint(delta, state) !== base.length) throw new Error('Delta base size mismatch');
  const out = Buffer.alloc(readVarint(delta, state));
  let o = 0;
  while (state.i < delta.length) {
    const op = delta[state.i++]!;
    if (op & 0x80) {
      let off = 0;
      let len = 0;
      for (let b = 0; b < 4; b++) if (op & (1 << b)) off |= delta[state.i++]! << (8 * b);
      for (let b = 0; b < 3; b++) if (op & (0x10 << b)) len |= delta[state.i++]! << (8 * b);
      off >>>= 0;
      if (len === 0) len = 0x10000;
      o += base.copy(out, o, off, off + len);
    } else if (op > 0) {
      o += delta.copy(out, o, state.i, state.i + op);
      state.i += op;
    } else {
      throw new Error('Invalid delta opcode');
    }
  }
  if (o !== out.length) throw new Error('Delta result size mismatch');
  return out;
}

/** All packs of a repository; the pack list is re-read when an object is not found (a new pack may exist). */
export class PackStore {
  private packs: Map<string, Pack> = new Map();

  constructor(
    private readonly gitdir: string,
    private readonly readLoose: (oid: string) => GitObject | null,
  ) {}

  /** The object if a pack already opened holds it (no directory listing: for lookups that may well miss). */
  lookup(oid: string): GitObject | null {
    return this.search(oid);
  }

  read(oid: string): GitObject | null {
    const found = this.search(oid);
    if (found) return found;
    return this.refresh() ? this.search(oid) : null;
  }

  /** Packed ids starting with `prefix`. */
  matching(prefix: string): string[] {
    this.refresh();
    return [...new Set([...this.packs.values()].flatMap((pack) => pack.matching(prefix)))];
  }

  private search(oid: string): GitObject | null {
    for (const pack of this.packs.values()) {
      const offset = pack.find(oid);
      if (offset >= 0) return pack.readAt(offset);
    }
    return null;
  }

  /** Opens packs not seen before; true when there were any. */
  private refresh(): boolean {
    const dir = join(this.gitdir, 'objects', 'pack');
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.idx'));
    } catch {
      return false;
    }
    let added = false;
    for (const name of names) {
      if (this.packs.has(name)) continue;
      try {
        const idx = readFileSync(join(dir, name));
        this.packs.set(
          name,
          new Pack(idx, join(dir, `${name.slice(0, -4)}.pack`), (o) => this.readLoose(o) ?? this.read(o)),
        );
        added = true;
      } catch {
        // a pack being written right now (retried on the next miss), or an unsupported index version
      }
    }
    return added;
  }

  close(): void {
    for (const pack of this.packs.values()) pack.close();
    this.packs.clear();
  }
}
