/**
 * Test helpers: temporary repositories and the real git CLI to inspect them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory (removed by {@link removeDir}). */
export function makeTempDir(prefix = 'wiki-core-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs the real git CLI in `dir` and returns its stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'safe.directory=*', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** `git fsck --strict` output (stdout + stderr); throws when git reports an error (non-zero exit). */
export function fsck(dir: string): string {
  return execFileSync('git', ['-c', 'safe.directory=*', 'fsck', '--strict', '--no-dangling'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export const ANN = { name: 'Ann Author', email: 'ann@example.com' } as const;
export const BOB = { name: 'Bob Builder', email: 'bob@example.com' } as const;
