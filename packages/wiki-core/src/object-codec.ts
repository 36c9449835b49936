/**
 * @module The loose-object codec: a git object's header, SHA-1 id and zlib stream, read with `object-inflate.ts`,
 * written with node:zlib and node:crypto, synchronously (a small file read costs far less than a thread-pool round
 * trip, which matters on a busy Lambda or NFS mount). Packed objects are read by `pack-reader.ts`; trees are encoded
 * by `tree-codec.ts`.
 */
import { createHash } from './lazy-crypto.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadZlib } from './lazy-zlib.js';
import { inflateObject } from './object-inflate.js';

/** A git object's type and content. */
export interface GitObject {
  readonly type: string;
  readonly body: Buffer;
}

/** An object ready to be stored loose: its id, content, and the deflated file bytes. */
export interface EncodedObject extends GitObject {
  readonly oid: string;
  readonly deflated: Buffer;
}

/** Loose objects are deflated at level 1: git's default (`core.looseCompression`, else `core.compression`, else 1). */
export const LOOSE_LEVEL = 1;

/** Where a loose object lives. */
export function looseObjectPath(gitdir: string, oid: string): string {
  return join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2));
}

/** True when the object is stored loose. */
export function hasLooseObject(gitdir: string, oid: string): boolean {
  return existsSync(looseObjectPath(gitdir, oid));
}

/** Reads a loose object, or returns null when it is not stored loose. */
export function readLooseObject(gitdir: string, oid: string): GitObject | null {
  let raw: Buffer;
  try {
    raw = readFileSync(looseObjectPath(gitdir, oid));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  // Its size is in the header inside the stream: estimated from text's usual ratio at git's level 1 (about 2.5).
  const data = inflateObject(raw, raw.length * 3);
  const nul = data.indexOf(0);
  const [type, size] = data.subarray(0, nul).toString('latin1').split(' ');
  const body = data.subarray(nul + 1);
  if (body.length !== Number(size)) throw new Error(`Corrupt object ${oid}: size mismatch`);
  return { type: type!, body };
}

/** The `<type> <size>\0` header git hashes and stores in front of an object's content. */
export function objectHeader(type: string, size: number): Buffer {
  return Buffer.from(`${type} ${size}\0`, 'latin1');
}

/** Hashes and compresses an object without touching the disk. */
export function encodeObject(type: string, body: Buffer): EncodedObject {
  const data = Buffer.concat([objectHeader(type, body.length), body]);
  const oid = createHash('sha1').update(data).digest('hex');
  return { oid, type, body, deflated: loadZlib().deflateSync(data, { level: LOOSE_LEVEL }) };
}
