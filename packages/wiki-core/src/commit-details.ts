/**
 * @module One commit as a commit view shows it: message, author, date, parent and every changed file, with a
 * unified diff for each changed page — bounded like {@link boundedDiff}. A commit can touch thousands of files (an
 * import) and every page diff may be near the single-diff limit, so the file list is capped
 * ({@link MAX_COMMIT_FILES}) and the diffs share one budget of {@link MAX_DIFF_CHARS} characters and
 * {@link MAX_DIFF_LINES} lines; files beyond it come without a diff (`diff: null`), to be opened one by one.
 */
import { boundedDiff } from './bounded-diff.js';
import { displayMessage } from './commit-message.js';
import { DiffTooLargeError } from './errors.js';
import type { GitStore } from './git-store.js';
import { MAX_COMMIT_DIFFS, MAX_COMMIT_FILES, MAX_DIFF_CHARS, MAX_DIFF_LINES } from './history-limits.js';
import { pageDisplayName, type PageNaming } from './page-names.js';
import { fileToKey } from './paths.js';
import type { Author } from './types.js';

/** A file a commit changed. */
export interface CommitFile {
  /** Path in the repository. */
  readonly file: string;
  /** The page it is (display name), when it is a page's Markdown file. */
  readonly page?: string;
  readonly change: 'added' | 'modified' | 'deleted';
  /** Unified diff against the parent; null for attachments, and for diffs too large or beyond the budget. */
  readonly diff: string | null;
}

/** A commit with its changes. */
export interface CommitDetails {
  readonly revision: string;
  /** First parent; null for the repository's first commit. */
  readonly parent: string | null;
  readonly author: Author;
  readonly date: string;
  /** Message as shown (wikibot's own trailers dropped). */
  readonly message: string;
  /** Changed files in git's order, at most {@link MAX_COMMIT_FILES}. */
  readonly files: readonly CommitFile[];
  /** Changed files beyond {@link MAX_COMMIT_FILES}, not listed. */
  readonly filesOmitted: number;
}

/** Lines of a diff (it ends with a newline). */
function lines(diff: string): number {
  let n = 0;
  for (let i = diff.indexOf('\n'); i !== -1; i = diff.indexOf('\n', i + 1)) n++;
  return n;
}

/** Commit `oid` (already resolved) and its changes against its first parent. */
export async function commitDetails(store: GitStore, naming: PageNaming, oid: string): Promise<CommitDetails> {
  const commit = await store.readCommit(oid);
  const parentTree = commit.parent === null ? null : (await store.readCommit(commit.parent)).tree;
  const changes = await store.diffTrees(parentTree, commit.tree);
  const budget = { chars: MAX_DIFF_CHARS, lines: MAX_DIFF_LINES, diffs: MAX_COMMIT_DIFFS };
  const text = async (blob: string | null): Promise<string> => (blob === null ? '' : store.readText(blob));
  const files: CommitFile[] = [];
  for (const change of changes.slice(0, MAX_COMMIT_FILES)) {
    const kind = change.oldOid === null ? 'added' : change.newOid === null ? 'deleted' : 'modified';
    const isPage = fileToKey(change.file) !== null;
    let diff: string | null = null;
    if (isPage && budget.diffs > 0 && budget.chars > 0) {
      budget.diffs--;
      const [oldText, newText] = await Promise.all([text(change.oldOid), text(change.newOid)]);
      try {
        const patch = await boundedDiff({
          path: change.file,
          file: change.file,
          fromRevision: commit.parent ?? '0000000',
          toRevision: oid,
          oldText,
          newText,
        });
        const n = lines(patch);
        if (patch.length <= budget.chars && n <= budget.lines) {
          diff = patch;
          budget.chars -= patch.length;
          budget.lines -= n;
        }
      } catch (error) {
        if (!(error instanceof DiffTooLargeError)) throw error;
      }
    }
    files.push({
      file: change.file,
      ...(isPage ? { page: pageDisplayName(change.file, naming) } : {}),
      change: kind,
      diff,
    });
  }
  return {
    revision: oid,
    parent: commit.parent,
    author: commit.author,
    date: commit.date,
    message: displayMessage(commit.message),
    files,
    filesOmitted: Math.max(0, changes.length - MAX_COMMIT_FILES),
  };
}
