/**
 * @module Crash-safe file writes: every file is written to a temporary file, flushed, then renamed into place,
 * so a reader (or a process killed mid-write) never sees a torn file.
 */
import { randomBytes } from './lazy-crypto.js';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';

/** Options of the atomic writer. */
export interface AtomicWriteOptions {
  /** Directory for temporary files; must be on the same file system as the targets (rename is atomic only there). */
  readonly tmpDir: string;
  /** fsync each file before it becomes visible (durability across power loss, not only process crashes). */
  readonly durable: boolean;
}

/** Writes `data` to `path` atomically: temp file → (fsync) → rename. Creates `tmpDir` when missing. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions,
): Promise<void> {
  const tmp = join(options.tmpDir, `${randomBytes(8).toString('hex')}.tmp`);
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(tmp, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await fsp.mkdir(options.tmpDir, { recursive: true });
    handle = await fsp.open(tmp, 'wx');
  }
  try {
    try {
      await handle.writeFile(data);
      if (options.durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, path);
  } catch (err) {
    await fsp.unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/** Removes temporary files older than `maxAgeMs` left behind by killed writers. Best effort. */
export async function sweepTmpDir(tmpDir: string, maxAgeMs: number): Promise<void> {
  const names = await fsp.readdir(tmpDir).catch(() => [] as string[]);
  const now = Date.now();
  await Promise.all(
    names.map(async (name) => {
      const path = join(tmpDir, name);
      const st = await fsp.stat(path).catch(() => null);
      if (st && now - st.mtimeMs > maxAgeMs) await fsp.unlink(path).catch(() => undefined);
    }),
  );
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
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
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
