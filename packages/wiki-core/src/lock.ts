/**
 * @module The cross-process write lock (and the vector build's lease): a lock file made with exclusive create
 * (works over NFS/EFS), refreshed by a heartbeat, taken over when stale, waited for with bounded backoff.
 */
import { randomUUID } from './lazy-crypto.js';
import { readFileSync, statSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { hostname } from 'node:os';
import { WikiBusyError, WikiError } from './errors.js';
import { createExclusive } from './lock-file.js';

/** Options of {@link acquireWriteLock}. */
export interface LockOptions {
  /** The lock file. */
  readonly path: string;
  /** Give up with WikiBusyError after waiting this long. */
  readonly timeoutMs: number;
  /**
   * A lock file not refreshed for this long is abandoned and may be taken over (the holder refreshes it 6× as often).
   */
  readonly staleMs: number;
  /** When the caller started waiting (e.g. queued behind writes of its own process); default now. */
  readonly startedAt?: number;
}

/** A held lock: refreshed while held, released once. */
export interface HeldLock {
  /** This holder's unique id (recorded in the lock file). */
  readonly owner: string;
  /** Throws unless the lock file is still ours (checked right before the branch ref moves). */
  assertHeld(): Promise<void>;
  release(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the write lock, waiting with exponential backoff (5 ms → 250 ms, jittered) for at most `timeoutMs`.
 * @throws WikiBusyError naming how long it waited.
 */
export async function acquireWriteLock(options: LockOptions): Promise<HeldLock> {
  const owner = randomUUID();
  const body = `${JSON.stringify({ owner, pid: process.pid, host: hostname(), time: new Date().toISOString() })}\n`;
  const start = options.startedAt ?? Date.now();
  let delay = 5;
  for (;;) {
    if (createExclusive(options.path, body)) return holdLock(options, owner);
    const st = statOrNull(options.path);
    if (st === null) continue; // released meanwhile: try again at once
    if (Date.now() - st.mtimeMs > options.staleMs) {
      await breakStaleLock(options.path, st);
      continue;
    }
    const waited = Date.now() - start;
    if (waited >= options.timeoutMs) throw new WikiBusyError(waited);
    await sleep(Math.min(delay * (0.5 + Math.random()), options.timeoutMs - waited));
    delay = Math.min(delay * 1.6, 250);
  }
}

/**
 * Takes the lock only if it is free now (or stale, then taken over); null while someone else holds it. For work
 * that another process may do instead, such as building the vector store.
 */
export async function tryAcquireLock(path: string, staleMs: number): Promise<HeldLock | null> {
  try {
    return await acquireWriteLock({ path, timeoutMs: 0, staleMs });
  } catch (error) {
    if (error instanceof WikiBusyError) return null;
    throw error;
  }
}

/**
 * Moves an abandoned lock aside with one atomic rename, so of several processes that judged it stale only one
 * removes it. If what was moved is not the file judged stale (a new owner replaced it in between), it is put back
 * with `link`, which never overwrites.
 */
async function breakStaleLock(path: string, stale: { mtimeMs: number; ino: number }): Promise<void> {
  const aside = `${path}.stale-${randomUUID()}`;
  try {
    await fsp.rename(path, aside);
  } catch {
    return; // someone else moved or released it
  }
  const moved = await fsp.stat(aside).catch(() => null);
  if (moved && (moved.ino !== stale.ino || moved.mtimeMs !== stale.mtimeMs)) {
    await fsp.link(aside, path).catch(() => undefined);
  }
  await fsp.unlink(aside).catch(() => undefined);
}

function statOrNull(path: string): { mtimeMs: number; ino: number } | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Default {@link LockOptions.staleMs}: a killed writer delays others ~3 s; a live one refreshes every 0.5 s. */
export const DEFAULT_STALE_LOCK_MS = 3_000;

function holdLock(options: LockOptions, owner: string): HeldLock {
  // Refresh the lock's mtime so a long write is never mistaken for an abandoned one: six beats per stale period,
  // so several late beats (a busy event loop, a slow NFS round trip) still keep it fresh.
  const heartbeat = setInterval(
    () => {
      const now = new Date();
      fsp.utimes(options.path, now, now).catch(() => undefined);
    },
    Math.max(50, Math.floor(options.staleMs / 6)),
  );
  heartbeat.unref();
  const isOurs = (): boolean => {
    try {
      return readFileSync(options.path, 'utf8').includes(`"owner":"${owner}"`);
    } catch {
      return false;
    }
  };
  let released = false;
  return {
    owner,
    async assertHeld() {
      if (!isOurs()) throw new WikiError('The write lock was lost (taken over as stale); the write was not applied');
    },
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      if (isOurs()) await fsp.unlink(options.path).catch(() => undefined);
    },
  };
}
