import { afterAll, describe, expect, it } from '@jest/globals';
import { createApiGatewayV2Event } from '@wikibot/lambda-http';
import { fileURLToPath } from 'node:url';
import { FunctionPool, InvocationError, resolveHandler } from '../../src/index.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/handler/', import.meta.url));

describe('FunctionPool', () => {
  const pools: FunctionPool[] = [];
  const pool = (environment: Record<string, string>, timeoutSec = 5) => {
    const p = new FunctionPool({
      functionName: 'fixture',
      taskRoot: FIXTURE,
      handler: 'index.handler',
      environment,
      timeoutSec,
      size: 1,
    });
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it("gives each function its own process.env, leaving the gateway's untouched", async () => {
    // Act
    const [a, b] = await Promise.all([
      pool({ FIXTURE_VALUE: 'from-a' }).invoke(createApiGatewayV2Event({ method: 'GET', url: '/env' })),
      pool({ FIXTURE_VALUE: 'from-b' }).invoke(createApiGatewayV2Event({ method: 'GET', url: '/env' })),
    ]);

    // Assess
    expect(JSON.parse((a as { body: string }).body).env).toBe('from-a');
    expect(JSON.parse((b as { body: string }).body).env).toBe('from-b');
    expect(process.env.FIXTURE_VALUE).toBeUndefined();
  });

  it('ends an invocation that outlives the function timeout, and replaces the worker', async () => {
    // Prepare
    const p = pool({}, 1);

    // Act
    const timedOut = p.invoke(createApiGatewayV2Event({ method: 'GET', url: '/slow?ms=5000' }));

    // Assess
    await expect(timedOut).rejects.toThrow(/timed out after 1 s/);
    const next = (await p.invoke(createApiGatewayV2Event({ method: 'GET', url: '/ok' }))) as { statusCode: number };
    expect(next.statusCode).toBe(200);
  });

  it('refuses invocations after close', async () => {
    const p = pool({});
    await p.close();
    await expect(p.invoke({})).rejects.toBeInstanceOf(InvocationError);
  });

  it('finds index.mjs for handler index.handler and refuses a missing module', () => {
    expect(resolveHandler(FIXTURE, 'index.handler').entry).toBe(`${FIXTURE}index.mjs`);
    expect(() => resolveHandler(FIXTURE, 'missing.handler')).toThrow(/not found/);
    expect(() => resolveHandler(FIXTURE, 'handler')).toThrow(/is not "<file>.<export>"/);
  });
});
