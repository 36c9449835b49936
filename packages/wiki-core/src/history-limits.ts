/**
 * @module The limits of the history reads (blame, diffs, a commit's details), apart from the code that applies them:
 * the package's index exports them, and a module it reaches is in every cold start's bundle chunk (esbuild assigns a
 * whole module to the chunk of every entry reaching it), so exporting them from blame.ts, bounded-diff.ts and
 * commit-details.ts put those modules, which only the lazily imported history reads run, in a page view's code.
 */

/** The most lines a blamed page may have (each line becomes a row of the blame view, well under 1 MB in all). */
export const MAX_BLAME_LINES = 1500;
/** The longest page blamed, in characters. */
export const MAX_BLAME_CHARS = 65_536;
/** The most versions of the page compared (one diff each). */
export const MAX_BLAME_STEPS = 1000;
/** The longest a blame may compute, in milliseconds (hostile histories: many large versions). */
export const MAX_BLAME_MS = 3000;

/** The most changed lines (inserted + deleted) a diff is computed for. */
export const MAX_DIFF_EDIT_LENGTH = 500;
/** The longest diff returned, in characters (an HTML view of it stays well under 1 MB). */
export const MAX_DIFF_CHARS = 131_072;
/** The most lines a returned diff has. */
export const MAX_DIFF_LINES = 8000;

/** The most changed files one commit's details list (the rest are counted in `filesOmitted`). */
export const MAX_COMMIT_FILES = 500;
/** The most page diffs one commit's details compute (each costs up to tens of milliseconds). */
export const MAX_COMMIT_DIFFS = 50;
