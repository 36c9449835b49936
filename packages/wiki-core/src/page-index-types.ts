/**
 * @module The shapes the page index works with: commit records, own commits, change notices, its whole state.
 */
import type { CommitData, FileChange } from './git-store.js';
import type { PageMeta } from './page-description.js';

/** A commit plus what it changed. */
export interface CommitRecord extends CommitData {
  readonly files: readonly string[];
  /** Display paths of the pages it changed, as named when it was applied (queries show current names). */
  readonly pages: readonly string[];
}

/** A commit this process just made, with the blob changes it was built from (so no tree diff is needed). */
export interface OwnCommit {
  readonly commit: CommitData;
  /** Every blob change of the commit against its parent, sorted by file, as `GitStore.diffTrees` returns them. */
  readonly changes: readonly FileChange[];
}

/** What a catch-up changed, as told to {@link PageIndex.onPagesChanged} listeners. */
export interface PagesChanged {
  /** The commit the index now describes. */
  readonly head: string | null;
  /** Keys of the pages created, changed or deleted (every page after a rebuild). */
  readonly keys: readonly string[];
  /** True when the index was rebuilt from scratch (history rewritten, or no cache). */
  readonly rebuilt: boolean;
}

/** Everything the index holds, as plain data. */
export interface IndexState {
  readonly head: string | null;
  readonly files: readonly [string, string][];
  readonly pages: readonly PageMeta[];
  readonly history: readonly [string, string[]][];
  /** The first-parent chain, oldest first. */
  readonly commits: readonly CommitRecord[];
  /** True while history is only the head commit (see {@link PageIndex.snapshot}). */
  readonly partial: boolean;
}
