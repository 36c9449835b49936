/**
 * @module The checked-out copy of the files (Otterwiki keeps one): the files a commit changes are written into
 * the work tree before the branch moves, and their stat data goes into `.git/index` (see `work-tree-index.ts`).
 * Git objects stay the truth: every read comes from them.
 */
import { lstatSync, type BigIntStats } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-fs.js';
import type { GitStore } from './git-store.js';

/**
 * Writes changed files into the work tree and removes deleted ones; returns the stat data of each file written
 * (as git's index records it). Best effort per file: a file that could not be written has no stat data, so git
 * compares its content. Never follows a symlink out of `dir`.
 */
export async function mirrorWorkTree(
  dir: string,
  store: GitStore,
  changes: ReadonlyMap<string, string | null>,
  write: AtomicWriteOptions,
): Promise<Map<string, BigIntStats>> {
  const stats = new Map<string, BigIntStats>();
  const root = await fsp.realpath(dir).catch(() => null);
  if (root === null) return stats;
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
      stats.set(file, lstatSync(target, { bigint: true }));
    } catch {
      // the work tree is a copy; git compares this file's content instead of trusting stat data
    }
  }
  return stats;
}

async function inside(root: string, path: string): Promise<boolean> {
  const real = await fsp.realpath(path).catch(() => null);
  return real !== null && (real === root || real.startsWith(root + sep));
}
