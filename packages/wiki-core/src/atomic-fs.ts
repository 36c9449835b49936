/**
 * @module Crash-safe file writes: every file is written to a temporary file, flushed, then renamed into place,
 * so a reader (or a process killed mid-write) never sees a torn file. isomorphic-git gets this as its `fs`.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import type { PromiseFsClient } from 'isomorphic-git';

/** Options of the atomic writer. */
export interface AtomicWriteOptions {
  /** Directory for temporary files; must be on the same file system as the targets (rename is atomic only there). */
  readonly tmpDir: string;
  /** fsync each file before it becomes visible (durability across power loss, not only process crashes). */
  readonly durable: boolean;
}

/** Writes `data` to `path` atomically: temp file → (fsync) → rename. Creates `tmpDir` when missing. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions): Promise<void> {
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

/** An `fs` for isomorphic-git whose `writeFile` is atomic (objects, refs and config alike). */
export function createAtomicFs(options: AtomicWriteOptions): PromiseFsClient {
  return {
    promises: {
      readFile: fsp.readFile,
      writeFile: (path: string, data: string | Uint8Array) => writeFileAtomic(path, data, options),
      unlink: fsp.unlink,
      readdir: fsp.readdir,
      mkdir: fsp.mkdir,
      rmdir: fsp.rmdir,
      stat: fsp.stat,
      lstat: fsp.lstat,
      readlink: fsp.readlink,
      symlink: fsp.symlink,
      chmod: fsp.chmod,
    },
  };
}
