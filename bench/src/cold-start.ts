/**
 * @module Cold start: a fresh `node` process that imports a handler from its unpacked zip and answers one
 * real API Gateway v2 event, timed from spawn to exit, in rounds alternating with a bare `node -e 0` timed the
 * same way and with the floor of any web-standard handler (`cold-start-floor.mjs`). Each process also reports
 * its CPU time (all threads), which a loaded machine distorts far less than wall time.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiGatewayV2Event, type ApiGatewayV2Event } from '@wikibot/lambda-http';
import { handlerEnv } from './handler-env.js';
import { median, percentile } from './stats.js';

const CHILD = fileURLToPath(new URL('./cold-start-child.mjs', import.meta.url));
const FLOOR = fileURLToPath(new URL('./cold-start-floor.mjs', import.meta.url));
/** `node -e` that only reports its CPU time: bare node's CPU, next to `node -e 0`'s wall time. */
const BARE_CPU_SCRIPT =
  "const u=process.cpuUsage();require('fs').writeSync(1,'BENCH_CPU_MS '+(u.user+u.system)/1000+'\\n')";

/** One handler to start cold. */
export interface ColdTarget {
  readonly name: string;
  /** The handler module inside the unpacked artifact. */
  readonly modulePath: string;
  readonly event: ApiGatewayV2Event;
  readonly env: Record<string, string>;
  /** Runs before each start of this target, untimed (e.g. removing a cache the target must not find). */
  readonly prepare?: () => void;
}

/**
 * The cold starts of the issue: the MCP function answering the protected-resource metadata request (the discovery
 * path, which should not load what only tool calls need) and the wiki answering `GET /Home` on an initialised
 * repository at `dataDir` — as a page rendered before (the wiki keeps renders in the data directory, so a cold
 * container shows an unchanged page without markdown-it), and as a first render (that cache removed before each run).
 */
export function coldTargets(modules: { mcp: string; wiki: string }, dataDir: string): ColdTarget[] {
  // The stack sets no NODE_OPTIONS (stacks/src/wikibot-stack.ts), so none is inherited from the bench's own process.
  const env = {
    ...handlerEnv({ origin: 'http://localhost:8787', issuer: 'http://localhost:8788', dataDir }),
    NODE_OPTIONS: '',
  };
  const host = 'localhost:8787';
  return [
    {
      name: 'mcp',
      modulePath: modules.mcp,
      env,
      event: createApiGatewayV2Event({
        method: 'GET',
        url: '/.well-known/oauth-protected-resource/mcp',
        routeKey: 'ANY /.well-known/{proxy+}',
        pathParameters: { proxy: 'oauth-protected-resource/mcp' },
        headers: { host, accept: 'application/json' },
      }),
    },
    {
      name: 'wiki',
      modulePath: modules.wiki,
      env,
      event: createApiGatewayV2Event({ method: 'GET', url: '/Home', headers: { host, accept: 'text/html' } }),
    },
    {
      name: 'wiki-first-render',
      modulePath: modules.wiki,
      env,
      event: createApiGatewayV2Event({ method: 'GET', url: '/Home', headers: { host, accept: 'text/html' } }),
      // apps/wiki's render cache (src/render/render-cache.ts): without it, the page is rendered as never before.
      prepare: () => rmSync(join(dataDir, '.git', 'wikibot', 'rendered'), { recursive: true, force: true }),
    },
  ];
}

/** Quartiles of a set of samples. */
export interface Quartiles {
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
}

/** One process measured every round, compared with bare node. */
export interface ColdProcessResult {
  readonly name: string;
  /** Wall time of every round (ms). */
  readonly ms: number[];
  readonly medianMs: number;
  /** CPU time (user + system, all threads) of every round (ms); absent in results of older runs. */
  readonly cpuMs?: number[];
  /** The status the last run answered. */
  readonly status: string;
  /** Median wall time ÷ bare node's median wall time. */
  readonly ratio: number;
  /** Quartiles of the per-round ratios (this round's wall time ÷ the same round's bare node). */
  readonly roundRatio?: Quartiles;
  /** Median CPU time ÷ bare node's median CPU time. */
  readonly cpuRatio?: number;
}

/**
 * Durations (ms) of every run, per target, for the floor and for bare node, and the status each answered.
 * The optional figures are absent in results of runs before they were measured.
 */
export interface ColdStartResult {
  readonly runs: number;
  /** 1-minute load average before and after the runs: the machine's other work. */
  readonly loadAverage?: { readonly before: number; readonly after: number };
  readonly bareMs: number[];
  readonly bareMedianMs: number;
  readonly bareCpuMs?: number[];
  /** A web-standard handler that builds the Request and a JSON Response and nothing else. */
  readonly floor?: ColdProcessResult;
  readonly targets: ColdProcessResult[];
}

interface Run {
  readonly ms: number;
  readonly stdout: string;
}

function timeProcess(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) reject(new Error(`cold start child exited ${code}: ${stderr.slice(0, 500)}`));
      else resolvePromise({ ms, stdout });
    });
  });
}

const reported = (run: Run, name: string): string | undefined =>
  new RegExp(`^${name} (\\S+)$`, 'm').exec(run.stdout)?.[1];

function childEnv(target: ColdTarget): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    ...target.env,
    BENCH_EVENT: JSON.stringify(target.event),
  };
}

/** Runs one cold start of `target` under `node --cpu-prof`, writing its profile into `dir`. */
export async function profileColdStart(target: ColdTarget, dir: string): Promise<number> {
  target.prepare?.();
  return (await timeProcess(['--cpu-prof', `--cpu-prof-dir=${dir}`, CHILD, target.modulePath], childEnv(target))).ms;
}

function quartiles(samples: readonly number[]): Quartiles {
  return { p25: percentile(samples, 25), median: median(samples), p75: percentile(samples, 75) };
}

/**
 * Measures `runs` rounds after one unmeasured round. A round starts bare node (wall), bare node (CPU), the floor
 * and every target once each, in an order that rotates from round to round so that none always follows another.
 */
export async function measureColdStarts(targets: readonly ColdTarget[], runs: number): Promise<ColdStartResult> {
  const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  const floorTarget: ColdTarget = { ...targets[0]!, name: 'floor', modulePath: FLOOR };
  const handlers = [floorTarget, ...targets];
  const bareMs: number[] = [];
  const bareCpuMs: number[] = [];
  const wall = handlers.map(() => [] as number[]);
  const cpu = handlers.map(() => [] as number[]);
  const statuses = handlers.map(() => '');
  const steps: (() => Promise<(measured: boolean) => void>)[] = [
    async () => {
      const run = await timeProcess(['-e', '0'], baseEnv);
      return (measured) => void (measured && bareMs.push(run.ms));
    },
    async () => {
      const run = await timeProcess(['-e', BARE_CPU_SCRIPT], baseEnv);
      return (measured) => void (measured && bareCpuMs.push(Number(reported(run, 'BENCH_CPU_MS'))));
    },
    ...handlers.map((target, i) => async () => {
      target.prepare?.();
      const run = await timeProcess([CHILD, target.modulePath], childEnv(target));
      statuses[i] = reported(run, 'BENCH_STATUS') ?? 'none';
      return (measured: boolean) => {
        if (!measured) return;
        wall[i]!.push(run.ms);
        cpu[i]!.push(Number(reported(run, 'BENCH_CPU_MS')));
      };
    }),
  ];
  const before = loadavg()[0]!;
  for (let round = -1; round < runs; round++) {
    for (let k = 0; k < steps.length; k++) {
      const record = await steps[(round + 1 + k) % steps.length]!();
      record(round >= 0);
    }
  }
  const after = loadavg()[0]!;
  const bareMedianMs = median(bareMs);
  const bareCpuMedian = median(bareCpuMs);
  const results = handlers.map((target, i): ColdProcessResult => {
    const medianMs = median(wall[i]!);
    return {
      name: target.name,
      ms: wall[i]!,
      medianMs,
      cpuMs: cpu[i]!,
      status: statuses[i]!,
      ratio: medianMs / bareMedianMs,
      roundRatio: quartiles(wall[i]!.map((ms, round) => ms / bareMs[round]!)),
      cpuRatio: median(cpu[i]!) / bareCpuMedian,
    };
  });
  return {
    runs,
    loadAverage: { before, after },
    bareMs,
    bareMedianMs,
    bareCpuMs,
    floor: results[0]!,
    targets: results.slice(1),
  };
}
