/**
 * @module Wiki page views through the gateway: one client's render latency, then throughput at 16
 * connections.
 */
import { runLoad, type LoadResult } from './load.js';
import { sample, summarize, type Summary } from './stats.js';
import { loopback } from './warm-mcp.js';

/** Wiki view figures. */
export interface WikiViewResult {
  readonly path: string;
  readonly status: number;
  readonly latency: Summary;
  readonly load: LoadResult;
}

/** Measures `GET /<page>` on a running local system. */
export async function measureWikiView(
  baseUrl: string,
  page: string,
  iterations: number,
  seconds: number,
): Promise<WikiViewResult> {
  const path = `/${page.split('/').map(encodeURIComponent).join('/')}`;
  const { url, host } = loopback(`${baseUrl}${path}`);
  let status = 0;
  const latency = await sample(
    async () => {
      const response = await fetch(url, { headers: { host, accept: 'text/html' } });
      status = response.status;
      await response.arrayBuffer();
    },
    iterations,
    5,
  );
  const load = await runLoad({ url, headers: { host, accept: 'text/html' } }, seconds);
  return { path, status, latency: summarize(latency), load };
}
