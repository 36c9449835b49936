/**
 * @module The checked-out copy of the files (Otterwiki keeps one). It is a convenience mirror written after each
 * commit: git objects are the truth and every read comes from them; the git index is not maintained.
 */
import * as fsp from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-fs.js';
import type { GitStore } from './git-store.js';

/**
 * Writes changed files into the work tree and removes deleted ones. Best effort: failures are ignored (the
 * commit is already durable). Never follows a symlink out of `dir`.
 */
export async function mirrorWorkTree(
  dir: string,
  store: GitStore,
  changes: ReadonlyMap<string, string | null>,
  write: AtomicWriteOptions,
): Promise<void> {
  const root = await fsp.realpath(dir).catch(() => null);
  if (root === null) return;
  for (const [file, oid] of changes) {
    try {
      const target = join(dir, file);
      const parent = dirname(target);
      if (oid === null) {
        if (await inside(root, parent)) await fsp.unlink(target).catch(() => undefined);
        continue;
      }
      await fsp.mkdir(parent, { recursive: true });
      if (!(await inside(root, parent))) continue;
      await writeFileAtomic(target, await store.readBlob(oid), write);
    } catch {
      // the mirror is not the source of truth
    }
  }
}

async function inside(root: string, path: string): Promise<boolean> {
  const real = await fsp.realpath(path).catch(() => null);
  return real !== null && (real === root || real.startsWith(root + sep));
}
