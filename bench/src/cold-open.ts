/**
 * @module Opening an existing repository with no wikibot cache (issue 10): a flat repository (every page at the
 * root, so each commit rewrites one big tree) built by `git fast-import`, opened by a fresh process that serves one
 * page and then one search. Then the write latency in that flat repository, `.git/index` and the work tree included.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixture } from './repo-fixture.js';
import { summarize, type Summary } from './stats.js';

const CHILD = fileURLToPath(new URL('./cold-open-child.ts', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Figures of one cold open. */
export interface ColdOpenResult {
  readonly pages: number;
  readonly commits: number;
  readonly layout: 'flat';
  /** Building the repository with git fast-import (not part of any figure). */
  readonly setupMs: number;
  /** Loading wiki-core in the fresh process (from process start; includes tsx compiling its sources). */
  readonly loadMs: number;
  /** From wiki-core loaded: `Wiki.open` done, and the first page served. */
  readonly openMs: number;
  readonly firstPageMs: number;
  /** The first search, timed on its own right after the first page. */
  readonly firstSearchMs: number;
  /** Page writes in this flat repository (its ~0.8 MB `.git/index` and the work tree kept), after the warm-up. */
  readonly write: Summary;
  /** CPU time (user + system) of the process up to the first page, of the first search, and of each write. */
  readonly cpu: { readonly firstPageMs: number; readonly firstSearchMs: number; readonly write: Summary };
}

/** Timed writes after the cold open, and the unmeasured ones before them. */
const WRITES = 25;
const WARM_UP_WRITES = 5;

/** Builds a flat `pages`-page repository with `commits` further commits and opens it cold in a fresh process. */
export function measureColdOpen(workDir: string, pages: number, commits: number): ColdOpenResult {
  const dir = join(workDir, `cold-open-${pages}-${commits}`);
  rmSync(dir, { recursive: true, force: true });
  const setupStart = performance.now();
  const fixture = buildFixture(dir, pages, commits, 100, 'flat');
  const setupMs = performance.now() - setupStart;
  const page = fixture.pages[Math.floor(pages / 2)]!.path;
  const targets = fixture.pages.slice(0, WRITES + WARM_UP_WRITES).map((p) => p.path);
  const writes = String(WRITES + WARM_UP_WRITES);
  const args = ['--import', 'tsx', CHILD, dir, page, fixture.vocabulary[0]!, writes, ...targets];
  const out = execFileSync(process.execPath, args, {
    cwd: BENCH_DIR,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const { writeMs, writeCpuMs, firstPageCpuMs, firstSearchCpuMs, ...figures } = JSON.parse(
    out.trim().split('\n').pop()!,
  ) as Pick<ColdOpenResult, 'loadMs' | 'openMs' | 'firstPageMs' | 'firstSearchMs'> & {
    writeMs: number[];
    writeCpuMs: number[];
    firstPageCpuMs: number;
    firstSearchCpuMs: number;
  };
  rmSync(dir, { recursive: true, force: true });
  const write = summarize(writeMs.slice(WARM_UP_WRITES));
  const cpu = {
    firstPageMs: firstPageCpuMs,
    firstSearchMs: firstSearchCpuMs,
    write: summarize(writeCpuMs.slice(WARM_UP_WRITES)),
  };
  return { pages, commits: fixture.commits, layout: 'flat', setupMs, ...figures, write, cpu };
}
