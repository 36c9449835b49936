/**
 * @module Blame: which commit last changed each line of a page, as `git blame` answers it. The page's own
 * history (from the page index) is walked newest to oldest, diffing each version against the one before it by
 * lines; a line common to both is passed back to the older version, a line only in the newer one belongs to the
 * commit that made it. The walk stops once every line has its commit. A page created by a rename is followed to
 * the page it came from, as git follows a whole-file rename. Work and size are bounded: beyond
 * {@link MAX_BLAME_LINES}, {@link MAX_BLAME_CHARS}, {@link MAX_BLAME_STEPS} diffs or {@link MAX_BLAME_MS},
 * `BlameTooLargeError`.
 */
import { BlameTooLargeError, PageNotFoundError } from './errors.js';
import type { GitStore } from './git-store.js';
import type { PageIndex } from './page-index.js';
import { MAX_BLAME_CHARS, MAX_BLAME_LINES, MAX_BLAME_MS, MAX_BLAME_STEPS } from './history-limits.js';
import { fileToKey } from './paths.js';
import type { Author } from './types.js';

/** One line of a blamed page. */
export interface BlameLine {
  /** The line's text, without its line break. */
  readonly text: string;
  /** The commit that last changed it. */
  readonly revision: string;
  /** Its line number (1-based) in that commit's version of the page. */
  readonly originalLine: number;
}

/** A commit named by blame lines. */
export interface BlameCommit {
  readonly author: Author;
  /** Author time, ISO 8601. */
  readonly date: string;
  readonly message: string;
}

/** A page's blame at one revision. */
export interface Blame {
  readonly path: string;
  /** The commit whose version of the page is blamed. */
  readonly revision: string;
  readonly lines: readonly BlameLine[];
  /** Every commit the lines name. */
  readonly commits: Readonly<Record<string, BlameCommit>>;
}

/** What to blame: page `key` (shown as `path`) as of the page-history entry `upTo` (inclusive). */
export interface BlameInput {
  readonly key: string;
  readonly path: string;
  readonly upTo: number;
}

/** The work limits of one blame (the defaults are the exported constants; tests lower them). */
export interface BlameLimits {
  readonly steps: number;
  readonly ms: number;
}

const DEFAULT_LIMITS: BlameLimits = { steps: MAX_BLAME_STEPS, ms: MAX_BLAME_MS };

/** A version of the page: the commit that made it and its lines (each with its line break, as git compares them). */
interface Version {
  readonly key: string;
  readonly at: number;
  readonly oid: string;
  readonly lines: readonly string[] | null;
}

/** The text split into lines that keep their `\n` (a last line without one differs from the same line with one). */
export function splitLines(text: string): string[] {
  return text === '' ? [] : (text.match(/[^\n]*\n|[^\n]+$/g) ?? []);
}

/** Blames a page; see the module comment. @throws BlameTooLargeError */
export async function blamePage(
  index: PageIndex,
  store: GitStore,
  input: BlameInput,
  limits: BlameLimits = DEFAULT_LIMITS,
): Promise<Blame> {
  const started = Date.now();
  const tooLarge = (reason: string): BlameTooLargeError => new BlameTooLargeError(input.path, reason);
  const { diffArrays } = await import('diff');
  let newer = await versionAt(index, store, input.key, input.upTo);
  if (newer.lines === null) throw new PageNotFoundError(input.path); // deleted at that revision
  const finalLines = newer.lines;
  const size = finalLines.reduce((n, line) => n + line.length, 0);
  if (finalLines.length > MAX_BLAME_LINES) throw tooLarge(`it has over ${MAX_BLAME_LINES} lines`);
  if (size > MAX_BLAME_CHARS) throw tooLarge(`it is over ${MAX_BLAME_CHARS} characters`);
  const owners: { revision: string; originalLine: number }[] = new Array(finalLines.length);
  // Line number in `newer` → line number in the blamed version, for lines not yet owned.
  let pending = new Map<number, number>(finalLines.map((_, i) => [i, i]));
  for (let steps = 0; pending.size > 0; steps++) {
    const remaining = limits.ms - (Date.now() - started);
    if (steps >= limits.steps || remaining <= 0) throw tooLarge('its history is too long to trace');
    const older = await previousVersion(index, store, newer);
    const own = (line: number, final: number): void => {
      owners[final] = { revision: newer.oid, originalLine: line + 1 };
    };
    if (older === null || older.lines === null || older.lines.length === 0) {
      for (const [line, final] of pending) own(line, final);
      break;
    }
    const matched = matchLines(diffArrays, older.lines, newer.lines ?? [], remaining);
    if (matched === undefined) throw tooLarge('its history is too long to trace');
    const next = new Map<number, number>();
    for (const [line, final] of pending) {
      const was = matched[line]!;
      if (was < 0) own(line, final);
      else next.set(was, final);
    }
    pending = next;
    newer = older;
  }
  const commits: Record<string, BlameCommit> = {};
  for (const { revision } of owners) commits[revision] ??= commitOf(index, revision);
  const lines = finalLines.map((line, i) => ({ text: line.replace(/\n$/, ''), ...owners[i]! }));
  return { path: input.path, revision: index.historyOf(input.key)[input.upTo]!, lines, commits };
}

/**
 * For each line of `newer`, the line of `older` it is (-1: added), or undefined past the time limit. As git's
 * xdiff does, lines found on one side only are set aside first (they can only be added or removed), and the Myers
 * diff runs on the rest: a page whose every other line changed costs nothing to diff.
 */
function matchLines(
  diffArrays: typeof import('diff').diffArrays,
  older: readonly string[],
  newer: readonly string[],
  timeout: number,
): number[] | undefined {
  const inOlder = new Set(older);
  const inNewer = new Set(newer);
  const keptOld = older.flatMap((line, i) => (inNewer.has(line) ? [i] : []));
  const keptNew = newer.flatMap((line, i) => (inOlder.has(line) ? [i] : []));
  const parts = diffArrays(
    keptOld.map((i) => older[i]!),
    keptNew.map((i) => newer[i]!),
    { timeout },
  );
  if (parts === undefined) return undefined;
  const matched = new Array<number>(newer.length).fill(-1);
  let [oldAt, newAt] = [0, 0];
  for (const part of parts) {
    for (let i = 0; i < part.count; i++) {
      if (!part.added && !part.removed) matched[keptNew[newAt]!] = keptOld[oldAt]!;
      if (!part.added) oldAt++;
      if (!part.removed) newAt++;
    }
  }
  return matched;
}

function commitOf(index: PageIndex, oid: string): BlameCommit {
  const { author, date, message } = index.commit(oid)!;
  return { author, date, message };
}

/** Page `key` as the `at`-th commit of its history left it (lines null: that commit deleted it). */
async function versionAt(index: PageIndex, store: GitStore, key: string, at: number): Promise<Version> {
  const oid = index.historyOf(key)[at]!;
  for (const file of index.commit(oid)!.files) {
    if (fileToKey(file) !== key) continue;
    const blob = await store.fileAt(oid, file);
    if (blob !== null) return { key, at, oid, lines: splitLines(await store.readText(blob)) };
  }
  return { key, at, oid, lines: null };
}

/**
 * The version before `version`: the page's previous change, or, for a page its commit created, the page that
 * commit deleted and whose text it mostly kept (a rename), as it was before.
 */
async function previousVersion(index: PageIndex, store: GitStore, version: Version): Promise<Version | null> {
  if (version.at > 0) {
    const older = await versionAt(index, store, version.key, version.at - 1);
    if (older.lines !== null) return older;
  }
  return renamedFrom(index, store, version);
}

/** The page `version`'s commit renamed to it, at its last change before (git's rename detection, by lines). */
async function renamedFrom(index: PageIndex, store: GitStore, version: Version): Promise<Version | null> {
  const commit = index.commit(version.oid)!;
  const position = index.positionOf(version.oid)!;
  const created = new Set(version.lines ?? []);
  for (const file of commit.files) {
    const key = fileToKey(file);
    if (key === null || key === version.key || (await store.fileAt(version.oid, file)) !== null) continue;
    const history = index.historyOf(key);
    const at = history.indexOf(version.oid) - 1;
    if (at < 0 || index.positionOf(history[at]!)! >= position) continue;
    const older = await versionAt(index, store, key, at);
    const kept = (older.lines ?? []).filter((line) => created.has(line)).length;
    // git calls a pair a rename at 50% similarity; lines kept stand in for its byte-chunk score.
    if (older.lines && kept * 2 >= Math.max(older.lines.length, created.size)) return older;
  }
  return null;
}
