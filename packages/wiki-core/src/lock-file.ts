/**
 * @module Exclusive create, the primitive under every lock here (wikibot's write lock, git's `index.lock` and
 * `<ref>.lock`): `open(path, 'wx')` is O_CREAT|O_EXCL, atomic on local disks and NFSv3+/EFS.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates `path` holding `body` unless it exists; false when it does. Synchronous: no thread-pool hop on the write
 * path. Creates a missing parent directory (then reports false; the caller retries).
 */
export function createExclusive(path: string, body: string | Uint8Array, durable = false): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'ENOENT') throw err;
    mkdirSync(dirname(path), { recursive: true });
    return false;
  }
  try {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}
