/**
 * @module Compressing trees in runs: a tree's zlib stream is written as a series of independently flushed deflate
 * blocks, one per run of entries, so a patched tree recompresses only the runs holding its changes and reuses the
 * others' bytes. Any inflater, git's included, reads the result as one stream.
 */
import { createHash } from 'node:crypto';
import { constants, deflateRawSync } from 'node:zlib';
import { LOOSE_LEVEL, objectHeader, type EncodedObject } from './object-codec.js';
import type { EncodedTree } from './tree-codec.js';

/** Bytes of a run of tree entries and their deflate block. */
interface DeflatedRun {
  readonly raw: Buffer;
  readonly deflated: Buffer;
}

type Runs = ReadonlyMap<string, DeflatedRun>;

/** About one run boundary per this many entries (~2.5 KB of a tree per independently compressed block). */
const RUN_DIVISOR = 64;
/** zlib header for deflate with a 32 KiB window at the fastest level (what `deflateSync({ level: 1 })` writes). */
const ZLIB_HEADER = Buffer.from([0x78, 0x01]);
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0), { level: LOOSE_LEVEL });

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
  const parts = [ZLIB_HEADER, deflateBlock(head), ...deflatedRuns(tree), FINAL_BLOCK, adler32Bytes(head, tree.body)];
  return { oid, type: 'tree', body: tree.body, deflated: Buffer.concat(parts) };
}

/**
 * The tree's body compressed as independent deflate blocks, one per run of entries. Runs end after entries whose
 * name hashes to 0 mod {@link RUN_DIVISOR}, so they do not move when other entries change, are added or go.
 */
export function deflatedRuns(tree: EncodedTree): Buffer[] {
  const known = compressed.get(tree) ?? inherited.get(tree);
  const runs = new Map<string, DeflatedRun>();
  const out: Buffer[] = [];
  const { entries } = tree;
  let first = 0;
  for (let i = 0; i < entries.length; i++) {
    if (i < entries.length - 1 && nameHash(entries[i]!.path) % RUN_DIVISOR !== 0) continue;
    const name = entries[first]!.path;
    const raw = tree.bytesOf(first, i + 1);
    const old = known?.get(name);
    const run = old && old.raw.equals(raw) ? old : { raw, deflated: deflateBlock(raw) };
    runs.set(name, run);
    out.push(run.deflated);
    first = i + 1;
  }
  compressed.set(tree, runs);
  inherited.delete(tree);
  return out;
}

/** Raw deflate of `bytes`, ending on a byte boundary with no final block, so further blocks may follow. */
function deflateBlock(bytes: Buffer): Buffer {
  return deflateRawSync(bytes, { level: LOOSE_LEVEL, finishFlush: constants.Z_FULL_FLUSH });
}

/** FNV-1a of a name: cheap, and stable for an entry whatever its content. */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function adler32Bytes(...chunks: Buffer[]): Buffer {
  let a = 1;
  let b = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length;) {
      const end = Math.min(chunk.length, i + 5552); // the largest run before the sums can overflow 2^53 safely
      for (; i < end; i++) {
        a += chunk[i]!;
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE(((b << 16) | a) >>> 0);
  return out;
}
