/**
 * @module Sessions signed out before they expire. A session cookie is self-contained (see session.ts),
 * so without this a copy of it would keep working for up to 8 hours after sign-out. The wiki runs on many
 * Lambda containers that share nothing but the data directory (EFS), so sign-out leaves a marker there —
 * one empty file per session, named by a hash of the session id, in `.git/wikibot/signed-out/`: beside
 * wiki-core's caches, outside the tree git tracks. Checking a session costs one `stat`; no container keeps
 * a copy, so a sign-out holds everywhere at once. Markers older than a session's lifetime are pruned at the
 * next sign-out.
 */
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { nodeCrypto } from '../node-crypto.js';

/** The revocation list of signed-out sessions. */
export interface SignedOutSessions {
  /** Records that the session `sessionId` was signed out. */
  add(sessionId: string): Promise<void>;
  /** True when `sessionId` was signed out (or the list cannot be read: fail closed). */
  has(sessionId: string): Promise<boolean>;
}

/** Where a wiki's signed-out sessions are kept, inside its data directory. */
export function signedOutDir(dataDir: string): string {
  return join(dataDir, '.git', 'wikibot', 'signed-out');
}

/**
 * The list kept in `dir`; `lifetimeSec` is how long a session lives at most, after which its marker is
 * no longer needed.
 */
export function signedOutSessionsIn(dir: string, lifetimeSec: number, now: () => number = Date.now): SignedOutSessions {
  const marker = (sessionId: string) => join(dir, nodeCrypto().createHash('sha256').update(sessionId).digest('hex'));
  const prune = async () => {
    const cutoff = now() - lifetimeSec * 1000;
    for (const name of await fsp.readdir(dir).catch(() => [] as string[])) {
      const path = join(dir, name);
      const stat = await fsp.stat(path).catch(() => undefined);
      if (stat && stat.mtimeMs < cutoff) await fsp.rm(path, { force: true });
    }
  };
  return {
    async add(sessionId) {
      await fsp.mkdir(dir, { recursive: true });
      const path = marker(sessionId);
      await fsp.writeFile(path, '');
      // The marker's time is when the session was signed out (by this module's clock, as pruning reads it).
      const at = new Date(now());
      await fsp.utimes(path, at, at);
      await prune().catch(() => undefined);
    },
    async has(sessionId) {
      try {
        await fsp.access(marker(sessionId));
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code !== 'ENOENT';
      }
    },
  };
}
