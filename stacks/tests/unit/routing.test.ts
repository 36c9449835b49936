import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { readRouteTable } from '@wikibot/http-api-routes';
import { ROUTING_PROBES, routingViolations, servedBy } from '../helpers/routing-probes.js';
import { appOf, configFor, STACK_VARIANTS, synthesize, type Synthesized } from '../helpers/synth.js';

describe.each(STACK_VARIANTS)('routes of the %s stack', (_, config) => {
  let stack: Synthesized;
  beforeAll(() => {
    stack = synthesize(config());
  });
  afterAll(() => stack.cleanup());

  it('maps each route key to the function and artifact zip it must invoke', () => {
    // Act
    const table = stack.routes.map((r) => [
      r.routeKey,
      appOf(r.integration.function.functionName),
      r.integration.function.artifact.path.split('/')[1],
    ]);

    // Assess
    expect(table).toEqual([
      ['ANY /mcp', 'mcp', expect.stringMatching(/^mcp_code_/)],
      ['ANY /.well-known/{proxy+}', 'mcp', expect.stringMatching(/^mcp_code_/)],
      ['$default', 'wiki', expect.stringMatching(/^wiki_code_/)],
    ]);
  });

  it('proxies every route to Lambda with payload format 2.0', () => {
    for (const { integration } of stack.routes) {
      expect([integration.integrationType, integration.payloadFormatVersion]).toEqual(['AWS_PROXY', '2.0']);
    }
  });

  it('ships each artifact zip inside the stack directory under a relative path, so Terraform Cloud needs no build tree', () => {
    for (const { integration } of stack.routes) {
      const { artifact } = integration.function;
      expect(isAbsolute(artifact.path)).toBe(false);
      expect(artifact.path).toMatch(/^assets\/[^/]+\/[0-9a-f]{64}\/lambda\.zip$/);
      expect(existsSync(join(stack.stackDir, artifact.path))).toBe(true);
    }
  });

  // The tombstone of the routing incident: /.well-known/* once fell through to the wiki's $default
  // route and returned HTML instead of OAuth metadata, and MCP clients could not sign in.
  it.each(ROUTING_PROBES)(
    'routing incident tombstone: %s %s must be served by the %s function (API Gateway route selection on the synthesized routes)',
    (method, path, app) => {
      expect({ request: `${method} ${path}`, servedBy: servedBy(stack.routes, method, path) }).toEqual({
        request: `${method} ${path}`,
        servedBy: app,
      });
    },
  );
});

describe('the routing tombstone has teeth', () => {
  let stack: Synthesized;
  beforeAll(() => {
    stack = synthesize(configFor('dev'));
  });
  afterAll(() => stack.cleanup());

  it('finds no violation in the stack as synthesized', () => {
    expect(routingViolations(stack.routes)).toEqual([]);
  });

  it('reports every /.well-known probe as reaching the wiki once the ANY /.well-known/{proxy+} route is dropped', () => {
    // Prepare: the stack as it was before the incident was fixed
    const json = structuredClone(stack.json);
    const routes = json.resource.aws_apigatewayv2_route as Record<string, { route_key: string }>;
    const [name] = Object.entries(routes).find(([, r]) => r.route_key === 'ANY /.well-known/{proxy+}') ?? [];
    delete routes[name as string];

    // Act
    const violations = routingViolations(readRouteTable(json).routes);

    // Assess
    expect(violations).toEqual([
      'GET /.well-known/oauth-authorization-server reaches wiki, must reach mcp',
      'GET /.well-known/oauth-protected-resource/mcp reaches wiki, must reach mcp',
      'GET /.well-known/oauth-protected-resource reaches wiki, must reach mcp',
      'GET /.well-known/openid-configuration reaches wiki, must reach mcp',
    ]);
  });

  it('reports /mcp as reaching the wiki once ANY /mcp is replaced by a greedy ANY /mcp/{proxy+}', () => {
    // Prepare
    const json = structuredClone(stack.json);
    const routes = json.resource.aws_apigatewayv2_route as Record<string, { route_key: string }>;
    const mcp = Object.values(routes).find((r) => r.route_key === 'ANY /mcp');
    if (!mcp) throw new Error('no ANY /mcp route');
    mcp.route_key = 'ANY /mcp/{proxy+}';

    // Act
    const violations = routingViolations(readRouteTable(json).routes);

    // Assess
    expect(violations).toEqual([
      'POST /mcp reaches wiki, must reach mcp',
      'GET /mcp reaches wiki, must reach mcp',
      'DELETE /mcp reaches wiki, must reach mcp',
    ]);
  });
});
