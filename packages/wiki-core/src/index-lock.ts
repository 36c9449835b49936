/**
 * @module git's `.git/index.lock`, honoured as git honours it: while anyone (git, GitPython, Otterwiki, another
 * wikibot) holds it, a writer waits; wikibot holds it for its whole write. git never breaks an index.lock, and
 * neither does wikibot — except one that a killed wikibot writer provably left: before taking the lock a writer
 * records its inode in `.git/wikibot/index-lock` next to its write-lock owner, then makes index.lock with `link`
 * (atomic, never overwrites), so a lock whose inode is recorded by an owner that no longer holds the write lock
 * is that dead writer's.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from './lazy-crypto.js';
import { writeFileAtomicSync } from './atomic-fs.js';
import { WikiBusyError } from './errors.js';

/** A held index.lock. */
export interface HeldIndexLock {
  release(): void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Takes `.git/index.lock` for the write of `owner` (the holder of wikibot's write lock), waiting with backoff
 * while someone else holds it, until `deadline` (epoch ms). @throws WikiBusyError naming the real wait
 */
export async function acquireIndexLock(
  gitdir: string,
  tmpDir: string,
  owner: string,
  startedAt: number,
  deadline: number,
): Promise<HeldIndexLock> {
  const lock = join(gitdir, 'index.lock');
  const record = join(gitdir, 'wikibot', 'index-lock');
  mkdirSync(tmpDir, { recursive: true });
  let delay = 5;
  for (;;) {
    removeIfAbandoned(lock, record, owner);
    const token = join(tmpDir, `index-lock-${randomUUID()}`);
    writeFileSync(token, '');
    const identity = fileIdentity(token)!;
    writeFileAtomicSync(record, `${owner} ${identity}\n`, { tmpDir, durable: false });
    try {
      linkSync(token, lock);
      return {
        release: () => {
          removeIfIdentity(lock, identity);
          rmSync(record, { force: true });
        },
      };
    } catch (err) {
      // Not ours after all: the record must not name a file that is about to be deleted (its inode is reused).
      rmSync(record, { force: true });
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      rmSync(token, { force: true });
    }
    const now = Date.now();
    if (now >= deadline) throw new WikiBusyError(now - startedAt, 'git holding .git/index.lock');
    await sleep(Math.min(delay * (0.5 + Math.random()), deadline - now));
    delay = Math.min(delay * 1.6, 250);
  }
}

/** Removes index.lock when the record shows a previous wikibot writer (not `owner`) made it. */
function removeIfAbandoned(lock: string, record: string, owner: string): void {
  let text: string;
  try {
    text = readFileSync(record, 'utf8');
  } catch {
    return;
  }
  const [recordedOwner, ...identity] = text.trim().split(' ');
  if (recordedOwner !== owner && identity.length === 2) removeIfIdentity(lock, identity.join(' '));
}

/** Inode and modification time in nanoseconds: which file this is, even if an inode number is reused. */
function fileIdentity(path: string): string | null {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.ino} ${st.mtimeNs}`;
  } catch {
    return null;
  }
}

function removeIfIdentity(lock: string, identity: string): void {
  if (fileIdentity(lock) !== identity) return;
  try {
    unlinkSync(lock);
  } catch {
    // already gone
  }
}
