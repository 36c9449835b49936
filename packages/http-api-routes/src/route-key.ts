/**
 * @module API Gateway HTTP API route keys: `$default`, or `<METHOD> <path>` where the path may hold
 * `{name}` variables and end in one greedy `{name+}` variable.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */

/** One segment of a route's path. */
export type RouteSegment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

/** A parsed route key. */
export type ParsedRouteKey =
  | { readonly kind: 'default' }
  | {
      readonly kind: 'route';
      readonly method: string;
      readonly path: string;
      readonly segments: readonly RouteSegment[];
    };

/** The catch-all route key. */
export const DEFAULT_ROUTE_KEY = '$default';

/**
 * Parses a route key, or throws a `TypeError` saying what is wrong with it.
 *
 * @example
 * ```ts
 * parseRouteKey('ANY /.well-known/{proxy+}').segments;
 * // [{ kind: 'literal', value: '.well-known' }, { kind: 'greedy', name: 'proxy' }]
 * ```
 */
export function parseRouteKey(routeKey: string): ParsedRouteKey {
  if (routeKey === DEFAULT_ROUTE_KEY) return { kind: 'default' };
  const match = /^([A-Z]+) (\/\S*)$/.exec(routeKey);
  if (!match) throw new TypeError(`route key "${routeKey}" is neither "$default" nor "<METHOD> /<path>"`);
  const [, method, path] = match;
  const parts = path === '/' ? [] : path.slice(1).split('/');
  const segments = parts.map((part, index): RouteSegment => {
    const variable = /^\{([A-Za-z0-9_.-]+)(\+?)\}$/.exec(part);
    if (!variable) {
      if (part.includes('{') || part.includes('}'))
        throw new TypeError(`route key "${routeKey}": bad path variable "${part}"`);
      return { kind: 'literal', value: part };
    }
    if (variable[2] !== '+') return { kind: 'variable', name: variable[1] };
    if (index !== parts.length - 1) throw new TypeError(`route key "${routeKey}": a greedy variable must end the path`);
    return { kind: 'greedy', name: variable[1] };
  });
  return { kind: 'route', method, path, segments };
}
