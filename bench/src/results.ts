/**
 * @module The shape of bench/results.json: every figure of one run, with the machine it ran on.
 */
import type { ColdOpenResult } from './cold-open.js';
import type { ColdStartResult } from './cold-start.js';
import type { HostileRow } from './hostile-bench.js';
import type { AlternatedRound, LoadResult, RatioSpread } from './load.js';
import type { MachineFacts } from './machine.js';
import type { SemanticBenchResult } from './semantic/run.js';
import type { StorageScale } from './storage.js';
import type { UiPageResult } from './ui/page-weight.js';
import type { InProcessResult } from './warm-mcp.js';
import type { WikiViewResult } from './wiki-load.js';

/** A load contender's median figures over its rounds. */
export type LoadMedian = LoadResult & { runs: number };

/** One run of `npm run bench`. Sections are absent when their part could not run. */
export interface BenchResults {
  machine: MachineFacts;
  artifacts: { name: string; zipBytes: number; bundleBytes: number }[];
  coldStart?: ColdStartResult;
  warm?: {
    inProcess?: InProcessResult;
    http?: {
      /** `ratio`: the median of the per-round ratios (older results: the ratio of the medians). */
      toolsList: {
        ours: LoadMedian;
        peer: LoadMedian;
        ratio: number;
        spread?: RatioSpread;
        rounds?: AlternatedRound[];
      };
      readNote: LoadResult;
    };
  };
  wiki?: WikiViewResult;
  storage?: { scales: StorageScale[]; deepHistory?: StorageScale };
  /** A flat repository with a long history opened with no wikibot cache (issue 10). */
  coldOpen?: ColdOpenResult;
  memory?: { peakMB: number; sampledPeakMB: number; processes: number };
  /** Index and render time of 1 MB hostile pages, per shape (issue 9). */
  hostile?: HostileRow[];
  /** Semantic search: quality on git's manual and speed at scale (src/semantic/). */
  semantic?: SemanticBenchResult;
  /** Every page type of the wiki in Chromium: page weight and axe-core results (issue 13, src/ui/). */
  ui?: UiPageResult[];
  /** Parts that failed, with why (the run goes on without them). */
  errors: { part: string; message: string }[];
  durationSec?: number;
}
