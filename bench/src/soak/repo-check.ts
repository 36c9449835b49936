/**
 * @module Checks a wiki repository with the real git CLI: `git fsck --strict`, and which commit
 * messages carry which soak ids (every write a soak makes names a unique id in its commit message).
 */
import { spawnSync } from 'node:child_process';

/** Runs `git fsck --strict`; returns its complaint, or undefined when the repository is clean. */
export function fsckProblem(dir: string): string | undefined {
  const result = spawnSync('git', ['fsck', '--strict', '--no-progress'], { cwd: dir, encoding: 'utf8' });
  if (result.status === 0) return undefined;
  return `git fsck --strict exited ${result.status}: ${(result.stderr + result.stdout).slice(0, 500)}`;
}

/** How many commits name each soak id (ids look like `soak-…`, one per write). */
export function commitsPerSoakId(dir: string): Map<string, number> {
  const result = spawnSync('git', ['log', '--format=%B%x00'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`git log failed: ${result.stderr}`);
  const counts = new Map<string, number>();
  for (const message of result.stdout.split('\0')) {
    for (const id of new Set(message.match(/soak-[\w.-]+/g) ?? [])) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The number of commits on HEAD. */
export function commitCount(dir: string): number {
  const result = spawnSync('git', ['rev-list', '--count', 'HEAD'], { cwd: dir, encoding: 'utf8' });
  return Number(result.stdout.trim());
}

/** The content of a file at HEAD, or undefined when absent. */
export function headContent(dir: string, file: string): string | undefined {
  const result = spawnSync('git', ['show', `HEAD:${file}`], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  return result.status === 0 ? result.stdout : undefined;
}
