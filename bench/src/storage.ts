/**
 * @module Storage scaling: wiki-core's read, write, edit, search, list and history on repositories of
 * 100, 1,000 and 10,000 pages, and history on 10,000 commits, each next to the native git CLI doing
 * the same on an identical copy of the repository.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Wiki } from '@wikibot/wiki-core';
import { gitChangelog, gitHistory, gitList, gitRead, gitSearch, gitWrite, timeShellSnippets } from './git-floor.js';
import { buildFixture, seededRandom } from './repo-fixture.js';
import { sample, summarize, type Summary } from './stats.js';

/** The storage operations measured. */
export const STORAGE_OPS = ['read', 'write', 'edit', 'search', 'list', 'history', 'changelog'] as const;
export type StorageOp = (typeof STORAGE_OPS)[number];

/** One operation's figures: wiki-core, and git where git has an equivalent. */
export interface OpFigures {
  readonly wiki: Summary;
  readonly git?: Summary;
}

/** Figures of one repository size. */
export interface StorageScale {
  readonly pages: number;
  readonly commits: number;
  /** Building the repository with git fast-import (not part of any figure). */
  readonly setupMs: number;
  /** First `Wiki.open` of a repository it has never seen (builds and saves the index). */
  readonly firstOpenMs: number;
  /** First search after that (builds the search index when it is lazy). */
  readonly firstSearchMs: number;
  /** `Wiki.open` again in the same process state as a fresh Lambda container with a saved index. */
  readonly reopenMs: number;
  /** The first search after that reopen (loads the saved search index). */
  readonly reopenSearchMs: number;
  readonly ops: Partial<Record<StorageOp, OpFigures>>;
}

/** How many timed calls each operation gets. */
export interface StorageIterations {
  readonly wiki: number;
  readonly writes: number;
  readonly git: number;
}

const AUTHOR = { name: 'Bench Writer', email: 'bench@example.com' };

function timeOnce<T>(fn: () => Promise<T>): Promise<number> {
  const start = performance.now();
  return fn().then(() => performance.now() - start);
}

/** Builds a fixture twice (one for the wiki, one for git) and measures every operation on it. */
export async function measureScale(
  workDir: string,
  pages: number,
  extraCommits: number,
  iterations: StorageIterations,
  ops: readonly StorageOp[],
): Promise<StorageScale> {
  const wikiDir = join(workDir, `wiki-${pages}-${extraCommits}`);
  const gitDir = join(workDir, `git-${pages}-${extraCommits}`);
  rmSync(wikiDir, { recursive: true, force: true });
  rmSync(gitDir, { recursive: true, force: true });
  const setupStart = performance.now();
  const fixture = buildFixture(wikiDir, pages, extraCommits);
  cpSync(wikiDir, gitDir, { recursive: true });
  const setupMs = performance.now() - setupStart;

  let wiki!: Wiki;
  const firstOpenMs = await timeOnce(async () => (wiki = await Wiki.open({ dir: wikiDir })));
  const firstSearchMs = await timeOnce(() => wiki.search(fixture.vocabulary[0]));
  await wiki.flush();
  const reopenMs = await timeOnce(async () => (wiki = await Wiki.open({ dir: wikiDir })));
  const reopenSearchMs = await timeOnce(() => wiki.search(fixture.vocabulary[1]));

  const random = seededRandom(pages + 17);
  const pick = () => fixture.pages[Math.floor(random() * fixture.pages.length)];
  const word = () => fixture.vocabulary[Math.floor(fixture.vocabulary.length * random() ** 2)];
  const n = iterations;
  const out: Partial<Record<StorageOp, OpFigures>> = {};
  const measure = async (
    op: StorageOp,
    wikiRun: (i: number) => Promise<unknown>,
    count: number,
    gitSnippet?: (i: number) => string,
  ) => {
    if (!ops.includes(op)) return;
    const wikiSamples = await sample(wikiRun, count, Math.min(5, count));
    // Two unmeasured calls first, as the wiki gets warm-up calls.
    const gitSamples = gitSnippet
      ? timeShellSnippets(
          gitDir,
          Array.from({ length: n.git + 2 }, (_, i) => gitSnippet(i)),
        ).slice(2)
      : undefined;
    out[op] = { wiki: summarize(wikiSamples), ...(gitSamples ? { git: summarize(gitSamples) } : {}) };
  };

  await measure(
    'read',
    () => wiki.readPage(pick().path),
    n.wiki,
    () => gitRead(pick()),
  );
  // Writes and edits take distinct pages from opposite ends, so an edit's token is still there.
  const writeTargets = fixture.pages.slice(0, n.writes + 5);
  const editTargets = [...fixture.pages].reverse().slice(0, n.writes + 5);
  const revised = (i: number) =>
    `# ${writeTargets[i % writeTargets.length].path}\n\nRevised by the bench, round ${i}: ${word()} ${word()} ${word()}.\n`;
  await measure(
    'write',
    (i) => wiki.writePage(writeTargets[i].path, revised(i), { author: AUTHOR, message: 'bench write' }),
    n.writes,
    (i) => gitWrite(writeTargets[i % writeTargets.length], revised(i + 1000)),
  );
  await measure(
    'edit',
    (i) => {
      const page = editTargets[i];
      return wiki.editPage(page.path, page.token, `${page.token}-edited`, { author: AUTHOR, message: 'bench edit' });
    },
    n.writes,
  );
  await measure(
    'search',
    () => wiki.search(word(), { limit: 10 }),
    n.wiki,
    () => gitSearch(word()),
  );
  await measure(
    'list',
    () => wiki.listPages(),
    Math.max(5, Math.round(n.wiki / 3)),
    () => gitList(),
  );
  await measure(
    'history',
    () => wiki.history(pick().path, { limit: 10 }),
    n.wiki,
    () => gitHistory(pick()),
  );
  await measure(
    'changelog',
    () => wiki.changelog({ limit: 10 }),
    n.wiki,
    () => gitChangelog(),
  );
  await wiki.flush();
  return { pages, commits: fixture.commits, setupMs, firstOpenMs, firstSearchMs, reopenMs, reopenSearchMs, ops: out };
}
