/**
 * A separate writer process for the multi-process tests, run as `node --import tsx writer.ts <mode> <dir> ...`.
 * Prints one line per event so the parent knows what was reported done.
 *   write <dir> <prefix> <count> [staleMs]  write pages <prefix>-<i>; prints "done <path> <revision>" or
 *                                           "error <name> <message>"
 *   create <dir> <prefix> <count>           create-only writes of the shared pages race-<i>, content naming <prefix>
 *   hold <dir>                              take the write lock, print "locked", then wait to be killed
 *   holdindex <dir>                         take the write lock and git's index.lock, print "locked", wait
 *   midcommit <dir>                         write a commit's objects without moving the branch, print "objects", wait
 *   build <dir>                             open with a model that never answers, print "embedding" when the vector
 *                                           build asks it (holding the build lease), then wait to be killed
 */
import { join } from 'node:path';
import { GitStore } from '../../src/git-store.js';
import { Wiki } from '../../src/index.js';
import { acquireIndexLock } from '../../src/index-lock.js';
import { acquireWriteLock } from '../../src/lock.js';
import { WordEmbeddings } from './word-embeddings.js';

const [mode, dir, prefix = 'p', countText = '1', staleText = '30000'] = process.argv.slice(2);
const gitdir = join(dir!, '.git');
const forever = (): Promise<never> => new Promise(() => setInterval(() => undefined, 1000));

if (mode === 'write') {
  const wiki = await Wiki.open({ dir: dir!, staleLockMs: Number(staleText), lockTimeoutMs: 20_000 });
  const author = { name: `Writer ${prefix}`, email: `${prefix}@example.com` };
  for (let i = 0; i < Number(countText); i++) {
    const path = `${prefix}-${i}`;
    try {
      const result = await wiki.writePage(path, `# ${path}\n\nwritten by ${prefix}\n`, { author });
      process.stdout.write(`done ${path} ${result.revision}\n`);
    } catch (err) {
      process.stdout.write(`error ${(err as Error).name} ${(err as Error).message}\n`);
    }
  }
} else if (mode === 'create') {
  const wiki = await Wiki.open({ dir: dir!, lockTimeoutMs: 20_000 });
  const author = { name: `Writer ${prefix}`, email: `${prefix}@example.com` };
  for (let i = 0; i < Number(countText); i++) {
    const path = `race-${i}`;
    try {
      const result = await wiki.writePage(path, `created by ${prefix}\n`, { author, createOnly: true });
      process.stdout.write(`done ${path} ${result.revision}\n`);
    } catch (err) {
      process.stdout.write(`error ${(err as Error).name} ${path}\n`);
    }
  }
} else if (mode === 'hold') {
  await Wiki.open({ dir: dir! });
  await acquireWriteLock({ path: join(gitdir, 'wikibot', 'write.lock'), timeoutMs: 5000, staleMs: 60_000 });
  process.stdout.write('locked\n');
  await forever();
} else if (mode === 'holdindex') {
  await Wiki.open({ dir: dir! });
  const lock = await acquireWriteLock({ path: join(gitdir, 'wikibot', 'write.lock'), timeoutMs: 5000, staleMs: 3000 });
  await acquireIndexLock(gitdir, join(gitdir, 'wikibot', 'tmp'), lock.owner, Date.now(), Date.now() + 5000);
  process.stdout.write('locked\n');
  await forever();
} else if (mode === 'midcommit') {
  await Wiki.open({ dir: dir! });
  await acquireWriteLock({ path: join(gitdir, 'wikibot', 'write.lock'), timeoutMs: 5000, staleMs: 60_000 });
  const store = new GitStore(gitdir, { tmpDir: join(gitdir, 'wikibot', 'tmp'), durable: true });
  const head = store.readHead();
  const blob = await store.writeBlob(Buffer.from('never committed\n'));
  const { tree } = await store.applyChanges((await store.readCommit(head!)).tree, new Map([['ghost.md', blob]]));
  await store.writeCommit({
    tree,
    parent: head,
    author: { name: 'Ghost', email: 'g@example.com' },
    message: 'ghost\n',
  });
  await store.flushObjects();
  process.stdout.write('objects\n');
  await forever();
} else if (mode === 'build') {
  const stuck = new (class extends WordEmbeddings {
    override embed(): Promise<never> {
      process.stdout.write('embedding\n');
      return forever();
    }
  })();
  await Wiki.open({ dir: dir!, embeddings: stuck, durable: false });
  await forever();
}
