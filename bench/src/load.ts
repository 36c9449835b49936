/**
 * @module HTTP load through autocannon: a fixed number of connections for a few seconds, reported as
 * throughput and latency percentiles, and alternated between contenders so drift hits both alike.
 */
import autocannon from 'autocannon';
import { median } from './stats.js';

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

/** After a warm-up, runs A and B alternately (A B A B …) `rounds` times each and returns each side's median figures. */
export async function alternate(
  a: LoadRequest,
  b: LoadRequest,
  rounds: number,
  seconds: number,
  connections = 16,
): Promise<{ a: ReturnType<typeof medianLoad>; b: ReturnType<typeof medianLoad> }> {
  // One unmeasured second each first: worker threads, JIT and key caches warm, as in a warm container.
  await runLoad(a, 1, connections);
  await runLoad(b, 1, connections);
  const ra: LoadResult[] = [];
  const rb: LoadResult[] = [];
  for (let i = 0; i < rounds; i++) {
    ra.push(await runLoad(a, seconds, connections));
    rb.push(await runLoad(b, seconds, connections));
  }
  return { a: medianLoad(ra), b: medianLoad(rb) };
}
