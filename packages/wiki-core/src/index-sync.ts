/**
 * @module Keeping one `Wiki`'s page index in step with the branch: at open, the cache (or, when there is none, a
 * snapshot of the head's tree, whose history is completed in the background); then catching up with new commits
 * one catch-up at a time, and saving the cache now and then. The cache only saves time: never correctness.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-fs.js';
import type { GitStore } from './git-store.js';
import { encodeIndexCache, loadIndexCache } from './index-cache.js';
import { PageIndex, type OwnCommit } from './page-index.js';
import type { PageNaming } from './page-names.js';

/** Persist the page index again after this many commits were applied since the last save. */
const SAVE_EVERY_COMMITS = 32;
/** A history this short is replayed at open (as with a cache); a longer one opens from a snapshot of its head. */
const SHORT_HISTORY = 8;

/** Lets requests in between the steps of a background replay. */
const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The page index's upkeep. */
export class IndexSync {
  private queue: Promise<unknown> = Promise.resolve();
  private unsaved = 0;
  private completing: Promise<void> | null = null;

  constructor(
    private readonly index: PageIndex,
    private readonly store: GitStore,
    private readonly naming: PageNaming,
    private readonly cacheFile: string,
    private readonly scratch: AtomicWriteOptions,
    /** Called after a catch-up that applied commits (derived data may follow in the background). */
    private readonly applied: () => void,
  ) {}

  /**
   * Loads the cache and catches up from it; with no usable cache, indexes the head's tree alone (no history
   * replay: opening stays fast however long the history) and completes the history in the background.
   */
  async open(): Promise<void> {
    // Read synchronously, as isRepository asks (repository.ts): a cold start makes no asynchronous file call.
    const cached = readTextOrNull(this.cacheFile);
    if (cached === null || !loadIndexCache(this.index, cached, this.naming.retainCase)) {
      this.unsaved = SAVE_EVERY_COMMITS;
      const head = this.store.readHead();
      if (head !== null && !(await this.shortHistory(head))) {
        await this.index.snapshot(head);
        this.historyComplete().catch(() => undefined); // started now; a failure is retried by the next caller
      }
    }
    await this.sync();
  }

  /** True when `head` has at most {@link SHORT_HISTORY} commits: replaying them costs less than a snapshot. */
  private async shortHistory(head: string): Promise<boolean> {
    let cursor: string | null = head;
    for (let n = 0; n < SHORT_HISTORY && cursor !== null; n++) cursor = (await this.store.readCommit(cursor)).parent;
    return cursor === null;
  }

  /** Resolves once the index's history is complete (at once, unless it was opened from a snapshot). */
  historyComplete(): Promise<void> {
    if (this.index.complete || this.index.head === null) return Promise.resolve();
    if (this.completing === null) {
      const run = this.completeHistory(this.index.head);
      this.completing = run;
      run.then(
        () => (this.completing = null),
        () => (this.completing = null),
      );
    }
    return this.completing;
  }

  /** Catches the index up with the branch if another process (or Lambda) committed. One small file read. */
  async sync(): Promise<void> {
    const head = this.store.readHead();
    if (head !== this.index.head) await this.catchUp(head);
  }

  /** Brings the index to `head` (after earlier catch-ups); `own` when it is this process's commit. */
  catchUp(head: string | null, own?: OwnCommit): Promise<void> {
    return this.enqueue(async () => {
      const applied = await this.index.catchUp(head, own);
      this.unsaved += applied;
      if (this.unsaved >= SAVE_EVERY_COMMITS) await this.save();
      if (applied > 0) this.applied();
    });
  }

  /** Saves the cache now (once every catch-up before has run). */
  async flush(): Promise<void> {
    await this.queue;
    await this.save();
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Replays the whole history up to `target` into a separate index, between requests, then adopts it. */
  private async completeHistory(target: string): Promise<void> {
    await pause();
    const full = new PageIndex(this.store, this.naming);
    await full.catchUp(target, undefined, pause);
    await this.enqueue(async () => {
      this.index.importState(full.exportState());
      await this.index.catchUp(this.store.readHead());
      await this.save();
      this.applied();
    });
  }

  private async save(): Promise<void> {
    const json = encodeIndexCache(this.index, this.naming.retainCase);
    if (json !== null) await writeFileAtomic(this.cacheFile, json, this.scratch).catch(() => undefined);
    this.unsaved = 0;
  }
}

function readTextOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
