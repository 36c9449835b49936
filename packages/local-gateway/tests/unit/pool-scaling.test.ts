import { afterAll, describe, expect, it } from '@jest/globals';
import { createApiGatewayV2Event } from '@wikibot/lambda-http';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FunctionPool, InvocationError, workerResourceLimits, type FunctionPoolOptions } from '../../src/index.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/handler/', import.meta.url));
const LOGGING_CHILD = fileURLToPath(new URL('../fixtures/log-child.ts', import.meta.url));

const get = (url: string) => createApiGatewayV2Event({ method: 'GET', url });

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('FunctionPool scaling and limits', () => {
  const pools: FunctionPool[] = [];
  const pool = (options: Partial<FunctionPoolOptions> = {}) => {
    const p = new FunctionPool({
      functionName: 'fixture',
      taskRoot: FIXTURE,
      handler: 'index.handler',
      environment: {},
      timeoutSec: 10,
      ...options,
    });
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('serves a burst of short invocations with one warm worker', async () => {
    // Prepare
    const p = pool({ size: 4, scaleOutAfterMs: 5_000 });

    // Act
    const results = await Promise.all(Array.from({ length: 20 }, () => p.invoke(get('/ok'))));

    // Assess
    expect(results.every((r) => (r as { statusCode: number }).statusCode === 200)).toBe(true);
    expect(p.workers).toBe(1);
  });

  it('starts a second worker when a request waits behind a long invocation, and stops it once idle', async () => {
    // Prepare
    const p = pool({ size: 2, scaleOutAfterMs: 50, idleStopMs: 200 });
    await p.invoke(get('/ok'));
    const order: string[] = [];

    // Act
    const slow = p.invoke(get('/slow?ms=3000')).then(() => order.push('slow'));
    const quick = p.invoke(get('/ok')).then(() => order.push('quick'));
    await quick;
    const workersUnderLoad = p.workers;
    await slow;
    await until(() => p.workers === 1);

    // Assess
    expect(order).toEqual(['quick', 'slow']);
    expect(workersUnderLoad).toBe(2);
    expect(p.workers).toBe(1);
    expect(((await p.invoke(get('/ok'))) as { statusCode: number }).statusCode).toBe(200);
  });

  it('never runs more workers than its size: with size 1 requests wait their turn', async () => {
    // Prepare
    const p = pool({ size: 1, scaleOutAfterMs: 10 });
    const order: string[] = [];

    // Act
    await Promise.all([
      p.invoke(get('/slow?ms=300')).then(() => order.push('slow')),
      p.invoke(get('/ok')).then(() => order.push('quick')),
    ]);

    // Assess
    expect(order).toEqual(['slow', 'quick']);
    expect(p.workers).toBe(1);
  });

  it("caps each worker's heap from the function's memorySize", async () => {
    // Act
    const limit = Number(((await pool({ memorySize: 256 }).invoke(get('/heap-limit'))) as { body: string }).body);
    const defaultLimit = Number(
      ((await pool({ memorySize: 4096 }).invoke(get('/heap-limit'))) as { body: string }).body,
    );

    // Assess
    expect(workerResourceLimits(512)).toEqual({ maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 464 });
    expect(workerResourceLimits(128)).toEqual({ maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 104 });
    expect(limit).toBeLessThan(256 * 1024 * 1024);
    expect(limit).toBeGreaterThanOrEqual(workerResourceLimits(256).maxOldGenerationSizeMb! * 1024 * 1024);
    expect(defaultLimit).toBeGreaterThan(limit);
  });

  it('takes explicit resource limits over the derived ones', async () => {
    const limit = Number(
      (
        (await pool({ memorySize: 1024, resourceLimits: { maxOldGenerationSizeMb: 64 } }).invoke(
          get('/heap-limit'),
        )) as { body: string }
      ).body,
    );
    expect(limit).toBeLessThan(128 * 1024 * 1024);
  });

  it('ends a handler that outgrows its memory like Lambda does, and replaces the worker', async () => {
    // Prepare
    const p = pool({ memorySize: 128 });

    // Act
    const runaway = p.invoke(get('/hog'));

    // Assess
    await expect(runaway).rejects.toBeInstanceOf(InvocationError);
    await expect(runaway).rejects.toThrow(/out of memory|exited/i);
    expect(((await p.invoke(get('/ok'))) as { statusCode: number }).statusCode).toBe(200);
  });

  it('keeps JSON semantics for a result whose body travels apart', async () => {
    const result = (await pool().invoke(get('/json-semantics'))) as { headers: Record<string, unknown>; body: string };
    expect(result.headers).toEqual({ when: '1970-01-01T00:00:00.000Z' });
    expect(result.body).toBe('a "quoted" \\ body');
  });

  it("writes the functions' log lines whole to the process's stdout and stderr", async () => {
    // Act: a child process runs two pools logging 300 lines each at the same time.
    const child = spawn(process.execPath, ['--import', 'tsx', LOGGING_CHILD, FIXTURE], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));

    // Assess
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter(Boolean);
    const parsed = lines.map((line) => JSON.parse(line) as { tag: string; i: number });
    expect(parsed.filter((l) => l.tag === 'a').map((l) => l.i)).toEqual([...Array(300).keys()]);
    expect(parsed.filter((l) => l.tag === 'b').map((l) => l.i)).toEqual([...Array(300).keys()]);
    expect(stderr).toContain('stderr a\n');
    expect(stderr).toContain('stderr b\n');
  });
});
