/**
 * @module The loose-object codec on the hot path: git objects read and written with node:zlib and node:crypto,
 * synchronously (a small file read costs far less than a thread-pool round trip, which matters on a busy
 * Lambda or NFS mount). Packed objects (a dropped-in or `git gc`-ed repository) are left to isomorphic-git.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
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

/** Hashes and compresses an object without touching the disk. */
export function encodeObject(type: string, body: Buffer): EncodedObject {
  const data = Buffer.concat([Buffer.from(`${type} ${body.length}\0`, 'latin1'), body]);
  const oid = createHash('sha1').update(data).digest('hex');
  return { oid, type, body, deflated: deflateSync(data, { level: 1 }) };
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
export function parseTree(body: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let i = 0;
  while (i < body.length) {
    const space = body.indexOf(0x20, i);
    const nul = body.indexOf(0, space);
    const mode = body.subarray(i, space).toString('latin1').padStart(6, '0');
    const path = body.subarray(space + 1, nul).toString('utf8');
    const oid = body.subarray(nul + 1, nul + 21).toString('hex');
    const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    entries.push({ mode, path, oid, type });
    i = nul + 21;
  }
  return entries;
}

/** Serialises tree entries in git's order (bytewise, directories compared as if they ended in "/"). */
export function serializeTree(entries: readonly TreeEntry[]): Buffer {
  const keyed = entries.map((e) => ({ e, key: Buffer.from(e.type === 'tree' ? `${e.path}/` : e.path, 'utf8') }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  return Buffer.concat(
    keyed.flatMap(({ e }) => [
      Buffer.from(`${e.type === 'tree' ? '40000' : e.mode} ${e.path}\0`, 'utf8'),
      Buffer.from(e.oid, 'hex'),
    ]),
  );
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
