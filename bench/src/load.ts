/**
 * @module HTTP load through autocannon: a fixed number of connections for a few seconds, reported as
 * throughput and latency percentiles, and alternated between contenders so drift hits both alike.
 */
import autocannon from 'autocannon';
import { withCpu } from './process-cpu.js';
import { median, percentile } from './stats.js';

/** One request to repeat. */
export interface LoadRequest {
  readonly url: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** One load run's figures. */
export interface LoadResult {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  readonly failures: number;
}

/** Runs `connections` connections against one request for `seconds`. */
export async function runLoad(request: LoadRequest, seconds: number, connections = 16): Promise<LoadResult> {
  const result = await autocannon({
    url: request.url,
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
    connections,
    duration: seconds,
    timeout: 10,
  });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** The median of each figure over several runs of one contender. */
export function medianLoad(runs: readonly LoadResult[]): LoadResult & { runs: number } {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    requests: runs.reduce((a, r) => a + r.requests, 0),
    failures: runs.reduce((a, r) => a + r.failures, 0),
    runs: runs.length,
  };
}

/** One contender's run in an alternated round: its load figures and, when its pid is known, its CPU per request. */
export type RoundRun = LoadResult & { readonly cpuMsPerRequest?: number };

/** One alternated round: A's run, then B's, and A's throughput over B's. */
export interface AlternatedRound {
  readonly a: RoundRun;
  readonly b: RoundRun;
  readonly ratio: number;
  /** B's CPU per request over A's (how many times less CPU A spends on a request), when both pids are known. */
  readonly cpuRatio?: number;
}

/** The ratio of A's to B's throughput over alternated rounds: each round's, their median and their spread. */
export interface RatioSpread {
  readonly perRound: number[];
  readonly median: number;
  /** The lower quartile: three rounds in four reached it. */
  readonly p25: number;
  readonly min: number;
  readonly max: number;
  /** Per round, B's CPU per request over A's, and its median. */
  readonly cpuPerRound?: number[];
  readonly cpuMedian?: number;
}

/** Per-round ratios and their spread. */
export function ratioSpread(rounds: readonly AlternatedRound[]): RatioSpread {
  const perRound = rounds.map((r) => r.ratio);
  const cpu = rounds.map((r) => r.cpuRatio).filter((c): c is number => c !== undefined);
  return {
    perRound,
    median: median(perRound),
    p25: percentile(perRound, 25),
    min: Math.min(...perRound),
    max: Math.max(...perRound),
    ...(cpu.length === rounds.length ? { cpuPerRound: cpu, cpuMedian: median(cpu) } : {}),
  };
}

/** How to alternate two contenders. */
export interface AlternateOptions {
  readonly rounds: number;
  readonly seconds: number;
  readonly connections?: number;
  /** The server processes of A and B, for their CPU time per request. */
  readonly pids?: { readonly a: number; readonly b: number };
  /** Called after each round (progress). */
  readonly onRound?: (round: AlternatedRound, index: number) => void;
}

async function measuredRun(
  request: LoadRequest,
  seconds: number,
  connections: number,
  pid?: number,
): Promise<RoundRun> {
  const [load, cpu] = await withCpu(pid, () => runLoad(request, seconds, connections));
  return cpu === undefined || load.requests === 0 ? load : { ...load, cpuMsPerRequest: cpu / load.requests };
}

/**
 * After a warm-up, runs A and B alternately (A B A B …) `rounds` times each and returns each side's median
 * figures, every round's figures and the ratio A/B per round: drift and other load on the machine hit the two
 * runs of one round alike, so the spread of the per-round ratios says how robust the median ratio is.
 */
export async function alternate(
  a: LoadRequest,
  b: LoadRequest,
  options: AlternateOptions,
): Promise<{ a: ReturnType<typeof medianLoad>; b: ReturnType<typeof medianLoad>; rounds: AlternatedRound[] }> {
  const { rounds, seconds, connections = 16, pids } = options;
  // One unmeasured second each first: worker threads, JIT and key caches warm, as in a warm container.
  await runLoad(a, 1, connections);
  await runLoad(b, 1, connections);
  const out: AlternatedRound[] = [];
  for (let i = 0; i < rounds; i++) {
    const ra = await measuredRun(a, seconds, connections, pids?.a);
    const rb = await measuredRun(b, seconds, connections, pids?.b);
    const cpuRatio =
      ra.cpuMsPerRequest && rb.cpuMsPerRequest !== undefined ? rb.cpuMsPerRequest / ra.cpuMsPerRequest : undefined;
    out.push({ a: ra, b: rb, ratio: rb.rps > 0 ? ra.rps / rb.rps : Number.NaN, ...(cpuRatio ? { cpuRatio } : {}) });
    options.onRound?.(out[i]!, i);
  }
  return { a: medianLoad(out.map((r) => r.a)), b: medianLoad(out.map((r) => r.b)), rounds: out };
}
