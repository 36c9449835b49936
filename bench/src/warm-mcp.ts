/**
 * @module Warm MCP: `tools/list` and `tools/call read_note` timed in-process (the handler called with
 * API Gateway v2 events, no HTTP), and over HTTP through the local gateway with auth on, alternated with
 * the MCP SDK's own stateless example server answering the same `tools/list`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiGatewayV2Event, type ApiGatewayV2Event } from '@wikibot/lambda-http';
import { alternate, ratioSpread, runLoad, type AlternatedRound, type LoadRequest } from './load.js';
import { mcpHeaders, rpcBody } from './mcp-rpc.js';
import { summarize, type Summary } from './stats.js';

const CHILD = fileURLToPath(new URL('./in-process-child.mjs', import.meta.url));

/** The two requests measured, as JSON-RPC. */
export const WARM_REQUESTS = {
  'tools/list': () => rpcBody('tools/list'),
  'tools/call read_note': (page: string) => rpcBody('tools/call', { name: 'read_note', arguments: { path: page } }),
} as const;

/** In-process latency of each request, and the status codes it answered. */
export type InProcessResult = Record<string, { latency: Summary; statuses: number[] }>;

/** Builds the `POST /mcp` event an API Gateway would send for `body`. */
export function mcpEvent(origin: string, token: string, body: string): ApiGatewayV2Event {
  return createApiGatewayV2Event({
    method: 'POST',
    url: '/mcp',
    routeKey: 'ANY /mcp',
    headers: { ...mcpHeaders(token), host: new URL(origin).host },
    body,
  });
}

/** Times the handler in a process of its own: `iterations` calls per request after `warmup` calls. */
export async function measureInProcess(
  modulePath: string,
  env: Record<string, string>,
  events: Record<string, ApiGatewayV2Event>,
  iterations: number,
  warmup: number,
): Promise<InProcessResult> {
  const dir = mkdtempSync(join(tmpdir(), 'wikibot-bench-inproc-'));
  const outFile = join(dir, 'out.json');
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const child = spawn(process.execPath, [CHILD, modulePath, outFile], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          ...env,
          BENCH_EVENTS: JSON.stringify({ events, iterations, warmup }),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolvePromise() : reject(new Error(`in-process bench exited ${code}: ${stderr}`)),
      );
    });
    const raw = JSON.parse(readFileSync(outFile, 'utf8')) as Record<string, { samples: number[]; statuses: number[] }>;
    return Object.fromEntries(
      Object.entries(raw).map(([name, r]) => [name, { latency: summarize(r.samples), statuses: r.statuses }]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces `localhost` with 127.0.0.1 so load generators do not try ::1 first; returns URL and Host. */
export function loopback(url: string): { url: string; host: string } {
  const parsed = new URL(url);
  const host = parsed.host;
  if (parsed.hostname === 'localhost') parsed.hostname = '127.0.0.1';
  return { url: parsed.href, host };
}

/** A `tools/list` or `read_note` POST for autocannon. */
export function mcpLoadRequest(mcpUrl: string, token: string | undefined, body: string): LoadRequest {
  const { url, host } = loopback(mcpUrl);
  return { url, method: 'POST', headers: { ...mcpHeaders(token), host }, body };
}

/**
 * HTTP figures: ours vs the SDK example (tools/list, alternated, with each round's ratio), and ours alone for
 * read_note.
 */
export async function measureHttp(
  ours: { mcpUrl: string; token: string; page: string; pid?: number },
  peer: { mcpUrl: string; pid?: number },
  rounds: number,
  seconds: number,
  onRound?: (round: AlternatedRound, index: number) => void,
) {
  const list = await alternate(
    mcpLoadRequest(ours.mcpUrl, ours.token, WARM_REQUESTS['tools/list']()),
    mcpLoadRequest(peer.mcpUrl, undefined, WARM_REQUESTS['tools/list']()),
    {
      rounds,
      seconds,
      onRound,
      ...(ours.pid !== undefined && peer.pid !== undefined ? { pids: { a: ours.pid, b: peer.pid } } : {}),
    },
  );
  const read = await runLoad(
    mcpLoadRequest(ours.mcpUrl, ours.token, WARM_REQUESTS['tools/call read_note'](ours.page)),
    seconds,
  );
  const spread = ratioSpread(list.rounds);
  return {
    // The median of the per-round ratios: each compares two runs made back to back under the same load.
    toolsList: { ours: list.a, peer: list.b, ratio: spread.median, spread, rounds: list.rounds },
    readNote: read,
  };
}
