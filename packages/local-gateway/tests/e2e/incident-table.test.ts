import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DEV_STACK_FILE } from '../../src/index.js';
import { runIncidentTable } from '../helpers/incident-table.js';
import { mcpAccessToken, startTestSystem, type TestSystem } from '../helpers/local-system.js';

const USER = { email: 'ada@example.com', name: 'Ada Lovelace' };

describe("the incident report's verification table, against the synthesized dev stack", () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  it('passes every row', async () => {
    // Prepare
    const token = await mcpAccessToken(system.local, USER);

    // Act
    const rows = await runIncidentTable(system.local, token);

    // Assess
    expect(rows.filter((r) => r.failure)).toEqual([]);
    expect(rows).toHaveLength(5);
  });
});

describe('the same table with the .well-known route removed from the stack', () => {
  let system: TestSystem;

  beforeAll(async () => {
    // Prepare: the dev stack as synthesized, minus the route of the incident
    const stack = JSON.parse(readFileSync(DEV_STACK_FILE, 'utf8')) as {
      resource: Record<string, Record<string, { route_key: string }>>;
    };
    const routes = stack.resource.aws_apigatewayv2_route;
    const wellKnown = Object.keys(routes).filter((name) => routes[name].route_key.includes('/.well-known/'));
    expect(wellKnown.length).toBeGreaterThan(0);
    for (const name of wellKnown) delete routes[name];
    system = await startTestSystem({ stack });
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  it('fails: discovery no longer yields the protected-resource or authorization-server metadata', async () => {
    // Act
    const rows = await runIncidentTable(system.local, await mcpAccessToken(system.local, USER));

    // Assess
    const failed = rows.filter((r) => r.failure).map((r) => r.name);
    expect(failed).toEqual(
      expect.arrayContaining([
        expect.stringContaining('oauth-protected-resource/mcp'),
        expect.stringContaining('oauth-authorization-server'),
      ]),
    );
    const prm = await fetch(`${system.local.url}/.well-known/oauth-protected-resource/mcp`);
    const body = await prm.text();
    expect(body).not.toContain(`"resource":"${system.local.mcpUrl}"`);
  });
});
