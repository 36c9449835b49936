/**
 * @module API Gateway HTTP API route selection, as AWS documents it: a full match of method and path
 * first, then the routes ending in a greedy `{proxy+}` variable, then `$default`. The routing incident
 * this project remembers (`/.well-known/*` falling through to the wiki's `$default`) is exactly a
 * question this function answers from the synthesized stack.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html#http-api-develop-routes.evaluation
 */
import { parseRouteKey, type RouteSegment } from './route-key.js';

/** Anything with a route key: a resolved route from the route table, or a bare `{ routeKey }`. */
export interface HttpRoute {
  readonly routeKey: string;
}

/** The route API Gateway would invoke, and the `pathParameters` of the event it would send. */
export interface RouteMatch<R extends HttpRoute> {
  readonly route: R;
  /** Path variables by name, URL-decoded as API Gateway passes them (`{ proxy: 'oauth-protected-resource/mcp' }`). */
  readonly pathParameters: Readonly<Record<string, string>>;
}

interface Candidate<R extends HttpRoute> {
  readonly route: R;
  readonly pathParameters: Record<string, string>;
  /** 1 per literal segment, 0 per variable, left to right: literals beat variables. */
  readonly specificity: readonly number[];
  readonly methodSpecific: boolean;
  readonly prefixLength: number;
}

/**
 * Selects the route API Gateway would send a request to, or `undefined` where it answers
 * `404 {"message":"Not Found"}` (no route matches and there is no `$default`).
 *
 * Rules, most specific first:
 * 1. a full match of method and path; `{name}` variables match one non-empty segment, a literal segment
 *    beats a variable one, and a method-specific route beats `ANY` on the same path;
 * 2. a route ending in a greedy `{name+}`, which matches one or more further characters after its
 *    prefix (`ANY /.well-known/{proxy+}` matches `/.well-known/x` and deeper, not `/.well-known` or
 *    `/.well-known/`); the longest prefix wins, then method-specific over `ANY`;
 * 3. `$default`.
 * Paths compare case-sensitively on the raw path; `ANY /mcp` does not match `/mcp/` or `/mcp/x`.
 *
 * @param routes - the API's routes (only `routeKey` is read)
 * @param method - the request method; compared upper-cased
 * @param rawPath - the request path without query string, as in the event's `rawPath`
 * @example
 * ```ts
 * const routes = [{ routeKey: 'ANY /mcp' }, { routeKey: 'ANY /.well-known/{proxy+}' }, { routeKey: '$default' }];
 * selectRoute(routes, 'GET', '/.well-known/oauth-protected-resource/mcp');
 * // { route: { routeKey: 'ANY /.well-known/{proxy+}' }, pathParameters: { proxy: 'oauth-protected-resource/mcp' } }
 * selectRoute(routes, 'POST', '/mcp/')?.route.routeKey; // '$default'
 * ```
 */
export function selectRoute<R extends HttpRoute>(
  routes: readonly R[],
  method: string,
  rawPath: string,
): RouteMatch<R> | undefined {
  if (!rawPath.startsWith('/')) throw new TypeError(`request path "${rawPath}" must start with "/"`);
  const requestMethod = method.toUpperCase();
  const requestSegments = rawPath === '/' ? [] : rawPath.slice(1).split('/');
  const full: Candidate<R>[] = [];
  const greedy: Candidate<R>[] = [];
  let fallback: R | undefined;
  for (const route of routes) {
    const key = parseRouteKey(route.routeKey);
    if (key.kind === 'default') {
      fallback ??= route;
      continue;
    }
    if (key.method !== 'ANY' && key.method !== requestMethod) continue;
    const candidate = matchPath(route, key.segments, requestSegments, key.method !== 'ANY');
    if (!candidate) continue;
    (key.segments.at(-1)?.kind === 'greedy' ? greedy : full).push(candidate);
  }
  const best = pickBest(full) ?? pickBest(greedy);
  if (best) return { route: best.route, pathParameters: best.pathParameters };
  return fallback ? { route: fallback, pathParameters: {} } : undefined;
}

function matchPath<R extends HttpRoute>(
  route: R,
  segments: readonly RouteSegment[],
  request: readonly string[],
  methodSpecific: boolean,
): Candidate<R> | undefined {
  const last = segments.at(-1);
  const prefix = last?.kind === 'greedy' ? segments.slice(0, -1) : segments;
  if (last?.kind === 'greedy' ? request.length <= prefix.length : request.length !== prefix.length) return undefined;
  const pathParameters: Record<string, string> = {};
  const specificity: number[] = [];
  for (const [index, segment] of prefix.entries()) {
    const actual = request[index];
    if (segment.kind === 'literal') {
      if (segment.value !== actual) return undefined;
      specificity.push(1);
    } else {
      if (actual === '') return undefined;
      pathParameters[segment.name] = decode(actual);
      specificity.push(0);
    }
  }
  if (last?.kind === 'greedy') {
    const rest = request.slice(prefix.length).join('/');
    if (rest === '') return undefined;
    pathParameters[last.name] = decode(rest);
  }
  return { route, pathParameters, specificity, methodSpecific, prefixLength: prefix.length };
}

function pickBest<R extends HttpRoute>(candidates: readonly Candidate<R>[]): Candidate<R> | undefined {
  return [...candidates].sort(compare)[0];
}

/** Negative when `a` is the more specific route. Array.prototype.sort is stable, so ties keep route order. */
function compare<R extends HttpRoute>(a: Candidate<R>, b: Candidate<R>): number {
  if (a.prefixLength !== b.prefixLength) return b.prefixLength - a.prefixLength;
  for (let i = 0; i < a.specificity.length; i++) {
    if (a.specificity[i] !== b.specificity[i]) return b.specificity[i] - a.specificity[i];
  }
  return Number(b.methodSpecific) - Number(a.methodSpecific);
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // API Gateway passes malformed escapes through; so do we.
  }
}
