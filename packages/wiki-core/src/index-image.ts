/**
 * @module The bytes of `.git/index` as this process last wrote them, patched in place by the next write. Replacing
 * a page's entry (same path, so same length) overwrites its slot in the one buffer and re-hashes it once; only
 * adding or removing entries builds a new buffer. Rebuilding the ~0.8 MB file of a flat 10,000-page wiki per write
 * (a copy of every entry, a fresh buffer, its checksum) was the index's share of the write's cost.
 */
import { createHash } from './lazy-crypto.js';
import type { BigIntStats } from 'node:fs';
import { encodeEntry, serializeIndex, type IndexEntry } from './index-codec.js';

/** A change to apply: file → new blob id, or null to remove it. */
type Changes = ReadonlyMap<string, string | null>;

/** An index file's bytes with its entries (views into the bytes) and where each starts. */
export class IndexImage {
  private constructor(
    private file: Buffer,
    private list: IndexEntry[],
    /** `starts[i]` is where entry i begins in {@link file}. */
    private starts: Uint32Array,
  ) {}

  /** Serialises `entries` (sorted by path bytes) as git's version 2 (see `serializeIndex`). */
  static of(entries: readonly IndexEntry[]): IndexImage {
    const file = serializeIndex(entries);
    const list: IndexEntry[] = [];
    const starts = new Uint32Array(entries.length);
    let at = 12; // the header
    entries.forEach((entry, i) => {
      starts[i] = at;
      list.push({ path: entry.path, bytes: file.subarray(at, at + entry.bytes.length) });
      at += entry.bytes.length;
    });
    return new IndexImage(file, list, starts);
  }

  /** The whole file, checksum included. Patched in place by {@link apply}: write it out before the next one. */
  get bytes(): Buffer {
    return this.file;
  }

  get entries(): readonly IndexEntry[] {
    return this.list;
  }

  /** The trailing SHA-1 (what `WorkTreeIndex` compares with the file on disk). */
  get checksum(): string {
    return this.file.toString('hex', this.file.length - 20);
  }

  /**
   * Applies `changes` (entries get `stats` where given, else none: git then compares content). Entries replaced in
   * place when every change replaces an existing path; otherwise the image is rebuilt. Returns how to undo it.
   */
  apply(changes: Changes, stats: ReadonlyMap<string, BigIntStats>): () => void {
    const slots: { at: number; entry: IndexEntry }[] = [];
    for (const [file, oid] of changes) {
      const i = oid === null ? -1 : this.find(Buffer.from(file, 'utf8'));
      if (i < 0) return this.rebuild(changes, stats);
      slots.push({ at: this.starts[i]!, entry: encodeEntry(file, oid!, stats.get(file) ?? null) });
    }
    const saved = slots.map(({ at, entry }) => Buffer.from(this.file.subarray(at, at + entry.bytes.length)));
    const checksum = Buffer.from(this.file.subarray(this.file.length - 20));
    for (const { at, entry } of slots) entry.bytes.copy(this.file, at);
    this.seal();
    return () => {
      slots.forEach(({ at }, i) => saved[i]!.copy(this.file, at));
      checksum.copy(this.file, this.file.length - 20);
    };
  }

  /** Index of the entry whose path is `path`, or -1. */
  private find(path: Buffer): number {
    const i = lowerBound(this.list, path);
    return i < this.list.length && this.list[i]!.path.equals(path) ? i : -1;
  }

  /** Entries added or removed: one new buffer with `changes` spliced in. */
  private rebuild(changes: Changes, stats: ReadonlyMap<string, BigIntStats>): () => void {
    const old = { file: this.file, list: this.list, starts: this.starts };
    const entries = [...this.list];
    for (const [file, oid] of changes) {
      const path = Buffer.from(file, 'utf8');
      const i = lowerBound(entries, path);
      const found = i < entries.length && entries[i]!.path.equals(path);
      if (oid === null) {
        if (found) entries.splice(i, 1);
      } else entries.splice(i, found ? 1 : 0, encodeEntry(file, oid, stats.get(file) ?? null));
    }
    const next = IndexImage.of(entries);
    Object.assign(this, { file: next.file, list: next.list, starts: next.starts });
    return () => Object.assign(this, old);
  }

  /** Rewrites the trailing checksum over everything before it. */
  private seal(): void {
    const end = this.file.length - 20;
    createHash('sha1').update(this.file.subarray(0, end)).digest().copy(this.file, end);
  }
}

/** First position in `entries` (sorted by path bytes) whose path is not below `path`. */
function lowerBound(entries: readonly IndexEntry[], path: Buffer): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Buffer.compare(entries[mid]!.path, path) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
