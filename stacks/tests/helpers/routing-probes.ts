/**
 * The requests whose routing once broke in production, and the function each must reach. The check is
 * a function of the route table, so a test can also prove that it fails when a route goes missing.
 */
import { selectRoute, type ResolvedRoute } from '@wikibot/http-api-routes';
import { appOf } from './synth.js';

/** [method, path, app that must serve it]. */
export const ROUTING_PROBES: readonly (readonly [string, string, 'mcp' | 'wiki'])[] = [
  ['GET', '/.well-known/oauth-authorization-server', 'mcp'],
  ['GET', '/.well-known/oauth-protected-resource/mcp', 'mcp'],
  ['GET', '/.well-known/oauth-protected-resource', 'mcp'],
  ['GET', '/.well-known/openid-configuration', 'mcp'],
  ['POST', '/mcp', 'mcp'],
  ['GET', '/mcp', 'mcp'],
  ['DELETE', '/mcp', 'mcp'],
  ['GET', '/Home', 'wiki'],
  ['GET', '/', 'wiki'],
  ['GET', '/api/v1/pages', 'wiki'],
  ['GET', '/-/search', 'wiki'],
  ['POST', '/mcp/', 'wiki'],
  ['POST', '/mcpx', 'wiki'],
];

/** The app serving a request according to the route table, or `404` when API Gateway would answer Not Found. */
export function servedBy(routes: readonly ResolvedRoute[], method: string, path: string): string {
  const match = selectRoute(routes, method, path);
  return match ? appOf(match.route.integration.function.functionName) : '404';
}

/** Every probe the route table sends to the wrong place, as readable lines (empty when routing is right). */
export function routingViolations(routes: readonly ResolvedRoute[]): string[] {
  return ROUTING_PROBES.flatMap(([method, path, expected]) => {
    const actual = servedBy(routes, method, path);
    return actual === expected ? [] : [`${method} ${path} reaches ${actual}, must reach ${expected}`];
  });
}
