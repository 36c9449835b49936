/**
 * @module The write path: one commit per change, under wikibot's cross-process write lock and git's
 * `.git/index.lock`, in a fixed order — objects, then the work tree and `.git/index`, then the branch ref — so a
 * crash at any instant leaves git consistent, and `git status` is clean after every write.
 */
import type { AtomicWriteOptions } from './atomic-fs.js';
import { sanitizeAuthor } from './commit-message.js';
import { WikiBusyError } from './errors.js';
import type { FileChange, GitStore } from './git-store.js';
import { acquireIndexLock, type HeldIndexLock } from './index-lock.js';
import { acquireWriteLock } from './lock.js';
import type { OwnCommit, PageIndex } from './page-index.js';
import type { Author } from './types.js';
import { mirrorWorkTree } from './work-tree.js';
import { WorkTreeIndex } from './work-tree-index.js';

/** A planned change, computed inside the lock against the latest commit. */
export interface Plan<R> {
  /** File → new blob id, or null to delete. */
  readonly changes: Map<string, string | null>;
  readonly message: string;
  /** The result, given the new commit id (or the current one when nothing changed). */
  readonly result: (revision: string, changed: boolean) => R;
}

/** Settings of the write path. */
export interface WritePathOptions {
  readonly dir: string;
  readonly lockFile: string;
  readonly lockTimeoutMs: number;
  readonly staleLockMs: number;
  /** Keep the work tree's files in step with each commit. */
  readonly checkout: boolean;
  /** How the disposable work-tree copy is written. */
  readonly scratch: AtomicWriteOptions;
}

/** Runs the writes of one `Wiki`, one at a time per process, and one at a time across processes. */
export class WritePath {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly gitIndex: WorkTreeIndex;

  constructor(
    private readonly store: GitStore,
    private readonly index: PageIndex,
    /** Brings the index (and its caches) to a head; `own` when it is this process's commit. */
    private readonly catchUp: (head: string | null, own?: OwnCommit) => Promise<void>,
    private readonly options: WritePathOptions,
  ) {
    this.gitIndex = new WorkTreeIndex(store.gitdir, store, options.scratch);
  }

  /**
   * Runs `plan` against the latest commit and commits its changes: in-process queue, cross-process lock, catch-up,
   * plan, then objects → work tree and index → ref. Unchanged content makes no commit.
   */
  write<R>(author: Author, plan: () => Promise<Plan<R>>): Promise<R> {
    const startedAt = Date.now();
    const run = this.queue.then(() => this.locked(startedAt, sanitizeAuthor(author), plan));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async locked<R>(startedAt: number, author: Author, plan: () => Promise<Plan<R>>): Promise<R> {
    const { lockFile, lockTimeoutMs, staleLockMs, checkout, scratch } = this.options;
    const lock = await acquireWriteLock({ path: lockFile, timeoutMs: lockTimeoutMs, staleMs: staleLockMs, startedAt });
    let gitLock: HeldIndexLock | null = null;
    try {
      // git's own index.lock, held for the whole write: git commits wait for us, and we for them.
      const deadline = startedAt + lockTimeoutMs;
      if (checkout)
        gitLock = await acquireIndexLock(this.store.gitdir, scratch.tmpDir, lock.owner, startedAt, deadline);
      const parent = this.store.readHead();
      await this.catchUp(parent);
      // This process already saw a newer commit: the file system served a stale ref (NFS caching). Building on it
      // would drop commits from the branch, so refuse instead.
      if (parent !== this.index.head) throw new WikiBusyError(Date.now() - startedAt, 'a stale view of the branch');
      const { changes, message, result } = await plan();
      const parentTree = parent === null ? null : this.index.commit(parent)!.tree;
      const made = changes.size === 0 ? null : await this.store.applyChanges(parentTree, changes);
      if (made === null || made.tree === parentTree) return result(parent ?? '', false);
      const commit = await this.store.writeCommit({ tree: made.tree, parent, author, message });
      // 1. Objects: a crash after this leaves only unreachable objects.
      await this.store.flushObjects();
      // 2. Work tree and .git/index: the files the commit changed, and the index of the new commit.
      await lock.assertHeld();
      const staged = checkout
        ? await this.stage({ parent, parentTree, head: commit.oid, tree: made.tree }, changes, made)
        : null;
      // 3. The ref, last: the commit exists once the branch names it.
      try {
        await lock.assertHeld();
        this.store.moveBranch(parent, commit.oid);
      } catch (err) {
        await staged?.rollBack();
        throw err;
      }
      // The index learns this commit from the change set it was built from (no tree diff); pages are described
      // before the index publishes the new head, exactly as for a commit from another process.
      await this.catchUp(commit.oid, made.changes === null ? undefined : { commit, changes: made.changes });
      return result(commit.oid, true);
    } finally {
      this.store.discardPending();
      gitLock?.release();
      await lock.release();
    }
  }

  /**
   * Makes `.git/index` and the work tree match HEAD (missing files checked out, stat data refreshed; files a person
   * changed are left alone), under both locks. For repositories written before wikibot kept the index.
   */
  resetWorkTree(): Promise<{ checkedOut: number; modified: number }> {
    return this.write({ name: 'wikibot', email: 'wikibot@localhost' }, async () => {
      const head = this.store.readHead();
      const counts =
        head === null || !this.options.checkout
          ? { checkedOut: 0, modified: 0 }
          : await this.gitIndex.reset(this.options.dir, head, this.index.commit(head)!.tree);
      return { changes: new Map(), message: '', result: () => counts };
    });
  }

  /** Writes the changed files into the work tree and the new `.git/index`; both can be rolled back. */
  private async stage(
    commit: { parent: string | null; parentTree: string | null; head: string; tree: string },
    changes: ReadonlyMap<string, string | null>,
    made: { readonly changes: readonly FileChange[] | null },
  ): Promise<{ rollBack(): Promise<void> }> {
    const { dir, scratch } = this.options;
    const stats = await mirrorWorkTree(dir, this.store, changes, scratch);
    const staged = await this.gitIndex.stage(commit, changes, stats, made.changes !== null);
    staged.commit();
    return {
      rollBack: async () => {
        staged.rollBack();
        const old = new Map<string, string | null>();
        for (const file of changes.keys())
          old.set(file, commit.parent && (await this.store.fileAt(commit.parent, file)));
        await mirrorWorkTree(dir, this.store, old, scratch);
      },
    };
  }
}
