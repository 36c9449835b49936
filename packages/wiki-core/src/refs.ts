/**
 * @module The branch ref: which branch HEAD names, the commit it points at (loose or packed), and moving it with
 * git's own lockfile protocol (`<ref>.lock` made with exclusive create, checked, renamed into place), so the git
 * CLI and wikibot never move the branch at the same time.
 */
import { readFileSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { WikiBusyError, WikiError } from './errors.js';
import { createExclusive } from './lock-file.js';

const FULL_OID = /^[0-9a-f]{40}$/;
/**
 * A ref lock older than this was left by a killed process: git holds one only for the instant of an update (its own
 * writers give up after core.filesRefLockTimeout, 100 ms by default). It was 5 s, and a wikibot writer killed between
 * making the lock and renaming it then held every other writer up for 5 s after the kill, although the write lock
 * itself is taken over after 3 s (soak: worst recovery 5,010 ms; each of those writes refused as busy).
 */
const ABANDONED_REF_LOCK_MS = 1_000;

/** The branch HEAD points at. */
export class BranchRef {
  private refName: string | null = null;

  constructor(
    private readonly gitdir: string,
    /** fsync the new ref before it replaces the old one. */
    private readonly durable: boolean,
  ) {}

  /** The branch HEAD points at, e.g. `refs/heads/main` (read once per process). */
  name(): string {
    if (this.refName === null) {
      const head = readFileSync(join(this.gitdir, 'HEAD'), 'utf8').trim();
      if (!head.startsWith('ref: ')) throw new WikiError('The repository HEAD is detached; wikibot needs a branch');
      this.refName = head.slice(5).trim();
    }
    return this.refName;
  }

  /** The commit the branch points at, or null in an empty repository. Cheap: one small synchronous file read. */
  read(): string | null {
    const ref = this.name();
    try {
      const oid = readFileSync(join(this.gitdir, ref), 'utf8').trim();
      if (FULL_OID.test(oid)) return oid;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return this.packed(ref); // e.g. after `git gc` in a dropped-in repository
  }

  /**
   * Moves the branch from `expected` to `newOid` under `<ref>.lock`. Refuses when the branch no longer points at
   * `expected` — the last line of defence should two writers ever both believe they may write.
   */
  update(expected: string | null, newOid: string): void {
    const path = join(this.gitdir, this.name());
    const lock = `${path}.lock`;
    const body = `${newOid}\n`;
    if (!createExclusive(lock, body, this.durable)) {
      const retried = this.removeAbandoned(lock) && createExclusive(lock, body, this.durable);
      if (!retried) throw new WikiBusyError(0, 'git moving the branch');
    }
    try {
      if (this.read() !== expected) throw new WikiError('The branch moved during the write; nothing was changed');
      renameSync(lock, path);
    } catch (err) {
      rmSync(lock, { force: true });
      throw err;
    }
  }

  private removeAbandoned(lock: string): boolean {
    try {
      if (Date.now() - statSync(lock).mtimeMs < ABANDONED_REF_LOCK_MS) return false;
      unlinkSync(lock);
    } catch {
      // released meanwhile
    }
    return true;
  }

  private packed(ref: string): string | null {
    try {
      const line = readFileSync(join(this.gitdir, 'packed-refs'), 'utf8')
        .split('\n')
        .find((l) => l.endsWith(` ${ref}`));
      return line && FULL_OID.test(line.slice(0, 40)) ? line.slice(0, 40) : null;
    } catch {
      return null;
    }
  }
}
