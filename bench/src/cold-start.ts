/**
 * @module Cold start: a fresh `node` process that imports a handler from its unpacked zip and answers one
 * real API Gateway v2 event, timed from spawn to exit, interleaved with a bare `node -e 0` timed the same way.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createApiGatewayV2Event, type ApiGatewayV2Event } from '@wikibot/lambda-http';
import { handlerEnv } from './handler-env.js';
import { median } from './stats.js';

const CHILD = fileURLToPath(new URL('./cold-start-child.mjs', import.meta.url));

/** One handler to start cold. */
export interface ColdTarget {
  readonly name: string;
  /** The handler module inside the unpacked artifact. */
  readonly modulePath: string;
  readonly event: ApiGatewayV2Event;
  readonly env: Record<string, string>;
}

/**
 * The two cold starts of the issue: the MCP function answering the protected-resource metadata request
 * (the discovery path, which should not load what only tool calls need) and the wiki answering `GET /Home`
 * on an initialised repository at `dataDir`.
 */
export function coldTargets(modules: { mcp: string; wiki: string }, dataDir: string): ColdTarget[] {
  const env = handlerEnv({ origin: 'http://localhost:8787', issuer: 'http://localhost:8788', dataDir });
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
  ];
}

/** Durations (ms) of every run, per target and for bare node, and the status each target answered. */
export interface ColdStartResult {
  readonly runs: number;
  readonly bareMs: number[];
  readonly targets: { name: string; ms: number[]; medianMs: number; status: string; ratio: number }[];
  readonly bareMedianMs: number;
}

function timeProcess(args: string[], env: Record<string, string>): Promise<{ ms: number; stdout: string }> {
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

/** Runs one cold start of `target` under `node --cpu-prof`, writing its profile into `dir`. */
export async function profileColdStart(target: ColdTarget, dir: string): Promise<number> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    ...target.env,
    BENCH_EVENT: JSON.stringify(target.event),
  };
  return (await timeProcess(['--cpu-prof', `--cpu-prof-dir=${dir}`, CHILD, target.modulePath], env)).ms;
}

/** Measures `runs` interleaved rounds (bare node, then each target), after one unmeasured round. */
export async function measureColdStarts(targets: readonly ColdTarget[], runs: number): Promise<ColdStartResult> {
  const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  const bareMs: number[] = [];
  const perTarget = targets.map(() => [] as number[]);
  const statuses = targets.map(() => '');
  for (let round = -1; round < runs; round++) {
    const bare = await timeProcess(['-e', '0'], baseEnv);
    if (round >= 0) bareMs.push(bare.ms);
    for (const [i, target] of targets.entries()) {
      const env = { ...baseEnv, ...target.env, BENCH_EVENT: JSON.stringify(target.event) };
      const run = await timeProcess([CHILD, target.modulePath], env);
      statuses[i] = /^BENCH_STATUS (\S+)$/m.exec(run.stdout)?.[1] ?? 'none';
      if (round >= 0) perTarget[i].push(run.ms);
    }
  }
  const bareMedianMs = median(bareMs);
  return {
    runs,
    bareMs,
    bareMedianMs,
    targets: targets.map((t, i) => {
      const medianMs = median(perTarget[i]);
      return { name: t.name, ms: perTarget[i], medianMs, status: statuses[i], ratio: medianMs / bareMedianMs };
    }),
  };
}
