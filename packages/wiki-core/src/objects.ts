/**
 * @module The loose-object codec on the hot path: git objects read and written with node:zlib and node:crypto,
 * synchronously (a small file read costs far less than a thread-pool round trip, which matters on a busy
 * Lambda or NFS mount). Packed objects (a dropped-in or `git gc`-ed repository) are left to isomorphic-git.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { constants, deflateRawSync, deflateSync, inflateSync } from 'node:zlib';
import type { AtomicWriteOptions } from './atomic-fs.js';

/** A git object's type and content. */
export interface GitObject {
  readonly type: string;
  readonly body: Buffer;
}

/** One entry of a git tree. */
export interface TreeEntry {
  readonly mode: string;
  readonly path: string;
  readonly oid: string;
  readonly type: 'blob' | 'tree' | 'commit';
}

/** A parsed commit. */
export interface ParsedCommit {
  readonly tree: string;
  readonly parents: string[];
  readonly author: { name: string; email: string; timestamp: number };
  readonly message: string;
}

function loosePath(gitdir: string, oid: string): string {
  return join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2));
}

/** Reads a loose object, or returns null when it is not stored loose. */
export function readLooseObject(gitdir: string, oid: string): GitObject | null {
  let raw: Buffer;
  try {
    raw = readFileSync(loosePath(gitdir, oid));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const data = inflateSync(raw);
  const nul = data.indexOf(0);
  const [type, size] = data.subarray(0, nul).toString('latin1').split(' ');
  const body = data.subarray(nul + 1);
  if (body.length !== Number(size)) throw new Error(`Corrupt object ${oid}: size mismatch`);
  return { type: type!, body };
}

/** An object ready to be stored loose: its id, content, and the deflated file bytes. */
export interface EncodedObject extends GitObject {
  readonly oid: string;
  readonly deflated: Buffer;
}

/** Loose objects are deflated at level 1: git's default (`core.looseCompression`, else `core.compression`, else 1). */
const LOOSE_LEVEL = 1;

/** Hashes and compresses an object without touching the disk. */
export function encodeObject(type: string, body: Buffer): EncodedObject {
  const data = Buffer.concat([Buffer.from(`${type} ${body.length}\0`, 'latin1'), body]);
  const oid = createHash('sha1').update(data).digest('hex');
  return { oid, type, body, deflated: deflateSync(data, { level: LOOSE_LEVEL }) };
}

/**
 * Hashes and compresses a tree, reusing the compressed bytes of the runs of entries that the tree it was patched
 * from already had (see {@link EncodedTree}): the zlib stream is a series of independently flushed deflate blocks,
 * which any inflater (git's included) reads as one stream.
 */
export function encodeTreeObject(tree: EncodedTree): EncodedObject {
  const head = Buffer.from(`tree ${tree.body.length}\0`, 'latin1');
  const oid = createHash('sha1').update(head).update(tree.body).digest('hex');
  const parts = [ZLIB_HEADER, deflateBlock(head), ...tree.deflatedRuns(), FINAL_BLOCK, adler32Bytes(head, tree.body)];
  return { oid, type: 'tree', body: tree.body, deflated: Buffer.concat(parts) };
}

/** Raw deflate of `bytes`, ending on a byte boundary with no final block, so further blocks may follow. */
function deflateBlock(bytes: Buffer): Buffer {
  return deflateRawSync(bytes, { level: LOOSE_LEVEL, finishFlush: constants.Z_FULL_FLUSH });
}

/** zlib header for deflate with a 32 KiB window at the fastest level (what `deflateSync({ level: 1 })` writes). */
const ZLIB_HEADER = Buffer.from([0x78, 0x01]);
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0), { level: LOOSE_LEVEL });

function adler32Bytes(...chunks: Buffer[]): Buffer {
  let a = 1;
  let b = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; ) {
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

/** True when the object is stored loose. */
export function hasLooseObject(gitdir: string, oid: string): boolean {
  return existsSync(loosePath(gitdir, oid));
}

/** Where a loose object lives. */
export function looseObjectPath(gitdir: string, oid: string): string {
  return loosePath(gitdir, oid);
}

/** Synchronous twin of `writeFileAtomic`: temp file → (fsync) → rename. */
export function writeFileAtomicSync(path: string, data: Uint8Array | string, options: AtomicWriteOptions): void {
  const tmp = join(options.tmpDir, `${randomBytes(8).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(options.tmpDir, { recursive: true });
    fd = openSync(tmp, 'wx');
  }
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      if (options.durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw err;
  }
}

/** Parses tree object content. */
export function parseTree(body: Buffer): readonly TreeEntry[] {
  return EncodedTree.parse(body).entries;
}

/** Serialises tree entries in git's order (bytewise, directories compared as if they ended in "/"). */
export function serializeTree(entries: readonly TreeEntry[]): Buffer {
  const keyed = entries.map((e) => ({ e, key: Buffer.from(e.type === 'tree' ? `${e.path}/` : e.path, 'utf8') }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  const parts = keyed.map(({ e }) => encodeEntry(e));
  const out = Buffer.allocUnsafe(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) at += part.copy(out, at);
  return out;
}

/** One entry's bytes: `<mode> <name>\0<20-byte id>`. */
function encodeEntry(e: TreeEntry): Buffer {
  const head = `${e.type === 'tree' ? '40000' : e.mode} ${e.path}\0`;
  const out = Buffer.allocUnsafe(Buffer.byteLength(head, 'utf8') + 20);
  const n = out.write(head, 'utf8');
  out.write(e.oid, n, 'hex');
  return out;
}

const SLASH = 0x2f;

/**
 * A tree's encoded body together with its parsed entries and each entry's byte offset, so a write can replace,
 * add or remove a few entries by splicing bytes instead of sorting and re-encoding thousands of unchanged ones
 * (a flat wiki's root tree holds one entry per page). Immutable: {@link patch} returns a new one.
 */
export class EncodedTree {
  private constructor(
    readonly body: Buffer,
    readonly entries: readonly TreeEntry[],
    /** `offsets[i]` is where entry i starts; `offsets[entries.length]` is the body's length. */
    private readonly offsets: Uint32Array,
    /** False when the stored entries are not in git's order (a foreign tool's tree): patching then re-sorts. */
    private readonly ordered: boolean,
    /** Compressed runs of the tree this one was patched from, by the run's first entry name. */
    private inherited: ReadonlyMap<string, DeflatedRun> = new Map(),
  ) {}

  private runs: Map<string, DeflatedRun> | null = null;

  /**
   * The body compressed as independent deflate blocks, one per run of entries. Runs end after entries whose name
   * hashes to 0 mod {@link RUN_DIVISOR}, so they do not move when other entries change, are added or go: a patched
   * tree recompresses only the runs holding its changes and reuses the others' bytes.
   */
  deflatedRuns(): Buffer[] {
    const runs = new Map<string, DeflatedRun>();
    const out: Buffer[] = [];
    let first = 0;
    for (let i = 0; i < this.entries.length; i++) {
      if (i < this.entries.length - 1 && nameHash(this.entries[i]!.path) % RUN_DIVISOR !== 0) continue;
      const name = this.entries[first]!.path;
      const raw = this.body.subarray(this.offsets[first], this.offsets[i + 1]);
      const known = this.runs?.get(name) ?? this.inherited.get(name);
      const run = known && known.raw.equals(raw) ? known : { raw, deflated: deflateBlock(raw) };
      runs.set(name, run);
      out.push(run.deflated);
      first = i + 1;
    }
    this.runs = runs;
    this.inherited = new Map();
    return out;
  }

  static parse(body: Buffer): EncodedTree {
    const entries: TreeEntry[] = [];
    const starts: number[] = [];
    let i = 0;
    while (i < body.length) {
      const space = body.indexOf(0x20, i);
      const nul = body.indexOf(0, space);
      if (space < 0 || nul < 0 || nul + 21 > body.length) throw new Error('Corrupt tree object');
      const mode = body.subarray(i, space).toString('latin1').padStart(6, '0');
      const path = body.subarray(space + 1, nul).toString('utf8');
      const oid = body.subarray(nul + 1, nul + 21).toString('hex');
      const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
      entries.push({ mode, path, oid, type });
      starts.push(i);
      i = nul + 21;
    }
    starts.push(body.length);
    const tree = new EncodedTree(body, entries, Uint32Array.from(starts), true);
    return tree.checkOrder() ? tree : new EncodedTree(body, entries, tree.offsets, false);
  }

  /** Encodes entries in git's order. */
  static from(entries: readonly TreeEntry[]): EncodedTree {
    return EncodedTree.parse(serializeTree(entries));
  }

  private checkOrder(): boolean {
    for (let i = 1; i < this.entries.length; i++) if (this.compareAt(i - 1, this.keyOf(this.entries[i]!)) >= 0) return false;
    return true;
  }

  private keyOf(e: TreeEntry): Buffer {
    return Buffer.from(e.type === 'tree' ? `${e.path}/` : e.path, 'utf8');
  }

  /** Compares entry i's sort key (its name bytes, plus "/" for a tree) with `key`, bytewise. */
  private compareAt(i: number, key: Buffer): number {
    const start = this.body.indexOf(0x20, this.offsets[i]) + 1;
    const end = this.offsets[i + 1]! - 21;
    const isTree = this.entries[i]!.type === 'tree';
    const len = end - start + (isTree ? 1 : 0);
    const n = Math.min(len, key.length);
    for (let j = 0; j < n; j++) {
      const a = start + j < end ? this.body[start + j]! : SLASH;
      if (a !== key[j]) return a - key[j]!;
    }
    return len - key.length;
  }

  /** First index whose key is ≥ `key` (entries are in order). */
  private lowerBound(key: Buffer): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The entry named `name` (a file or a directory), or undefined. */
  get(name: string): TreeEntry | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.entries[i];
  }

  private indexOf(name: string): number {
    if (!this.ordered) return this.entries.findIndex((e) => e.path === name);
    for (const key of [Buffer.from(name, 'utf8'), Buffer.from(`${name}/`, 'utf8')]) {
      const i = this.lowerBound(key);
      if (i < this.entries.length && this.compareAt(i, key) === 0) return i;
    }
    return -1;
  }

  /**
   * The tree with entries replaced, added (name → entry) or removed (name → null). Unchanged entries keep their
   * bytes; only the changed ones are encoded.
   */
  patch(updates: ReadonlyMap<string, TreeEntry | null>): EncodedTree {
    if (!this.ordered) {
      const map = new Map(this.entries.map((e) => [e.path, e]));
      for (const [name, entry] of updates) {
        if (entry) map.set(name, entry);
        else map.delete(name);
      }
      return EncodedTree.from([...map.values()]);
    }
    // Splices against the old body: drop [at, end) and insert `entry` there.
    const splices: { at: number; end: number; entry: TreeEntry | null; key: Buffer | null }[] = [];
    for (const [name, entry] of updates) {
      const old = this.indexOf(name);
      if (old >= 0) splices.push({ at: old, end: old + 1, entry: null, key: null });
      if (entry) {
        const key = this.keyOf(entry);
        const at = this.lowerBound(key);
        splices.push({ at, end: at, entry, key });
      }
    }
    // Insertions at a position come (in key order) before a removal starting there.
    splices.sort((a, b) => a.at - b.at || (a.key && b.key ? Buffer.compare(a.key, b.key) : a.key ? -1 : b.key ? 1 : 0));
    const encoded = splices.map((s) => (s.entry ? encodeEntry(s.entry) : null));
    const size =
      this.body.length +
      splices.reduce((n, s, i) => n + (encoded[i]?.length ?? 0) - (this.offsets[s.end]! - this.offsets[s.at]!), 0);
    const body = Buffer.allocUnsafe(size);
    const entries: TreeEntry[] = [];
    const starts = new Uint32Array(this.entries.length + splices.length + 1);
    let pos = 0;
    let cursor = 0;
    const keep = (until: number): void => {
      if (until <= cursor) return;
      const from = this.offsets[cursor]!;
      const shift = pos - from;
      for (let i = cursor; i < until; i++) {
        starts[entries.length] = this.offsets[i]! + shift;
        entries.push(this.entries[i]!);
      }
      pos += this.body.copy(body, pos, from, this.offsets[until]);
      cursor = until;
    };
    splices.forEach((s, i) => {
      keep(s.at);
      const bytes = encoded[i];
      if (s.entry && bytes) {
        starts[entries.length] = pos;
        entries.push(s.entry);
        pos += bytes.copy(body, pos);
      }
      cursor = Math.max(cursor, s.end);
    });
    keep(this.entries.length);
    starts[entries.length] = pos;
    return new EncodedTree(body, entries, starts.slice(0, entries.length + 1), true, this.runs ?? this.inherited);
  }
}

/** Bytes of a run of tree entries and their deflate block. */
interface DeflatedRun {
  readonly raw: Buffer;
  readonly deflated: Buffer;
}

/** About one run boundary per this many entries (~2.5 KB of a tree per independently compressed block). */
const RUN_DIVISOR = 64;

/** FNV-1a of a name: cheap, and stable for an entry whatever its content. */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Parses commit object content (extra headers such as `gpgsig` are skipped). */
export function parseCommit(body: Buffer): ParsedCommit {
  const text = body.toString('utf8');
  const split = text.indexOf('\n\n');
  const headers = (split < 0 ? text : text.slice(0, split)).split('\n');
  let tree = '';
  const parents: string[] = [];
  let author = { name: '', email: '', timestamp: 0 };
  for (const line of headers) {
    if (line.startsWith('tree ')) tree = line.slice(5);
    else if (line.startsWith('parent ')) parents.push(line.slice(7));
    else if (line.startsWith('author ')) author = parseIdent(line.slice(7));
  }
  return { tree, parents, author, message: split < 0 ? '' : text.slice(split + 2) };
}

function parseIdent(ident: string): { name: string; email: string; timestamp: number } {
  const m = /^(.*?)\s*<([^>]*)>\s*(\d+)?/.exec(ident);
  return m ? { name: m[1]!, email: m[2]!, timestamp: Number(m[3] ?? 0) } : { name: ident, email: '', timestamp: 0 };
}

/** Serialises a commit (author = committer, UTC). */
export function serializeCommit(commit: {
  tree: string;
  parent: string | null;
  author: { name: string; email: string };
  timestamp: number;
  message: string;
}): Buffer {
  const ident = `${commit.author.name} <${commit.author.email}> ${commit.timestamp} +0000`;
  const parent = commit.parent ? `parent ${commit.parent}\n` : '';
  return Buffer.from(`tree ${commit.tree}\n${parent}author ${ident}\ncommitter ${ident}\n\n${commit.message}`, 'utf8');
}
