/**
 * @module Compressing trees in runs: a tree's zlib stream is written as a series of independently flushed deflate
 * blocks, one per run of entries, so a patched tree recompresses only the runs holding its changes and reuses the
 * others' bytes. Any inflater, git's included, reads the result as one stream.
 */
import { adler32, adler32Combine } from './adler32.js';
import { createHash } from './lazy-crypto.js';
import { loadZlib } from './lazy-zlib.js';
import { LOOSE_LEVEL, objectHeader, type EncodedObject } from './object-codec.js';
import type { EncodedTree } from './tree-codec.js';

/** Bytes of a run of tree entries, their deflate block and Adler-32, and how the run ended. */
interface DeflatedRun {
  readonly raw: Buffer;
  readonly deflated: Buffer;
  readonly adler: number;
  /** How many entries the run holds. */
  readonly count: number;
  /** True when it ended at an entry whose name hashes to a boundary (not merely at the tree's end). */
  readonly closed: boolean;
}

type Runs = ReadonlyMap<string, DeflatedRun>;

/** About one run boundary per this many entries (~2.5 KB of a tree per independently compressed block). */
const RUN_DIVISOR = 64;
/** zlib header for deflate with a 32 KiB window at the fastest level (what `deflateSync({ level: 1 })` writes). */
const ZLIB_HEADER = Buffer.from([0x78, 0x01]);
/** The stream's last, empty block; made on first use (at import, it created a zlib stream on every cold start). */
let finalBlock: Buffer | undefined;

function finalBlockBytes(): Buffer {
  return (finalBlock ??= loadZlib().deflateRawSync(Buffer.alloc(0), { level: LOOSE_LEVEL }));
}

/** Runs of trees already compressed, and of trees patched from them (not compressed yet), by run's first name. */
const compressed = new WeakMap<EncodedTree, Runs>();
const inherited = new WeakMap<EncodedTree, Runs>();

/** Lets `patched` reuse the compressed runs of `base`, the tree it was patched from. */
export function inheritRuns(patched: EncodedTree, base: EncodedTree): void {
  const runs = compressed.get(base) ?? inherited.get(base);
  if (runs) inherited.set(patched, runs);
}

/**
 * Hashes and compresses a tree, reusing the compressed bytes of the runs of entries that the tree it was patched
 * from already had.
 */
export function encodeTreeObject(tree: EncodedTree): EncodedObject {
  const head = objectHeader('tree', tree.body.length);
  const oid = createHash('sha1').update(head).update(tree.body).digest('hex');
  const runs = deflatedRunsOf(tree);
  // The stream's Adler-32 is combined from the runs' (zlib's adler32_combine): summing a flat wiki's ~400 KB
  // root tree byte by byte in JavaScript cost more than the rest of the encoding.
  let adler = adler32(head, 1);
  for (const run of runs) adler = adler32Combine(adler, run.adler, run.raw.length);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler);
  const parts = [ZLIB_HEADER, storedBlock(head), ...runs.map((r) => r.deflated), finalBlockBytes(), trailer];
  return { oid, type: 'tree', body: tree.body, deflated: Buffer.concat(parts) };
}

/**
 * The tree's body compressed as independent deflate blocks, one per run of entries. Runs end after entries whose
 * name hashes to 0 mod {@link RUN_DIVISOR}, so they do not move when other entries change, are added or go.
 */
export function deflatedRuns(tree: EncodedTree): Buffer[] {
  return deflatedRunsOf(tree).map((run) => run.deflated);
}

function deflatedRunsOf(tree: EncodedTree): DeflatedRun[] {
  const known = compressed.get(tree) ?? inherited.get(tree);
  const runs = new Map<string, DeflatedRun>();
  const out: DeflatedRun[] = [];
  const { entries } = tree;
  const n = entries.length;
  for (let first = 0; first < n;) {
    const name = entries[first]!.path;
    // A run the base tree had, with the same bytes here, ends where it ended there: skip its entries unhashed.
    const old = known?.get(name);
    let run = old && first + old.count <= n && (old.closed || first + old.count === n) ? old : undefined;
    if (run && !tree.bytesOf(first, first + run.count).equals(run.raw)) run = undefined;
    if (!run) {
      let last = first;
      while (last < n - 1 && nameHash(entries[last]!.path) % RUN_DIVISOR !== 0) last++;
      const raw = tree.bytesOf(first, last + 1);
      run = { raw, deflated: deflateBlock(raw), adler: adler32(raw, 1), count: last + 1 - first, closed: last < n - 1 };
    }
    runs.set(name, run);
    out.push(run);
    first += run.count;
  }
  compressed.set(tree, runs);
  inherited.delete(tree);
  return out;
}

/** `bytes` as one stored (uncompressed) deflate block: the object header is a few bytes, not worth a zlib stream. */
function storedBlock(bytes: Buffer): Buffer {
  const out = Buffer.alloc(5 + bytes.length);
  out[0] = 0; // BFINAL 0, BTYPE 00 (stored), padded to the byte boundary
  out.writeUInt16LE(bytes.length, 1);
  out.writeUInt16LE(~bytes.length & 0xffff, 3);
  bytes.copy(out, 5);
  return out;
}

/** Raw deflate of `bytes`, ending on a byte boundary with no final block, so further blocks may follow. */
function deflateBlock(bytes: Buffer): Buffer {
  const zlib = loadZlib();
  return zlib.deflateRawSync(bytes, { level: LOOSE_LEVEL, finishFlush: zlib.constants.Z_FULL_FLUSH });
}

/** FNV-1a of a name: cheap, and stable for an entry whatever its content. */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
