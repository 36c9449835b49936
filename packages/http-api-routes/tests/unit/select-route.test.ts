import { describe, expect, it } from '@jest/globals';
import { parseRouteKey, selectRoute } from '../../src/index.js';

const routes = (...keys: string[]) => keys.map((routeKey) => ({ routeKey }));

describe('selectRoute', () => {
  describe('the example of the API Gateway developer guide ("Routing API requests")', () => {
    const table = routes('GET /pets/dog/1', 'GET /pets/dog/{id}', 'GET /pets/{proxy+}', 'ANY /{proxy+}', '$default');

    it.each([
      ['GET', '/pets/dog/1', 'GET /pets/dog/1', {}],
      ['GET', '/pets/dog/2', 'GET /pets/dog/{id}', { id: '2' }],
      ['GET', '/pets/cat/1', 'GET /pets/{proxy+}', { proxy: 'cat/1' }],
      ['POST', '/pets/cat/1', 'ANY /{proxy+}', { proxy: 'pets/cat/1' }],
      ['GET', '/', '$default', {}],
    ])('%s %s → %s', (method, path, expected, pathParameters) => {
      // Act
      const match = selectRoute(table, method, path);

      // Assess
      expect(match?.route.routeKey).toBe(expected);
      expect(match?.pathParameters).toEqual(pathParameters);
    });
  });

  describe("wikibot's routes", () => {
    const table = routes('$default', 'ANY /mcp', 'ANY /.well-known/{proxy+}');

    it.each([
      ['GET', '/.well-known/oauth-authorization-server', 'ANY /.well-known/{proxy+}'],
      ['GET', '/.well-known/oauth-protected-resource/mcp', 'ANY /.well-known/{proxy+}'],
      ['GET', '/.well-known/openid-configuration', 'ANY /.well-known/{proxy+}'],
      ['OPTIONS', '/.well-known/oauth-protected-resource', 'ANY /.well-known/{proxy+}'],
      ['POST', '/mcp', 'ANY /mcp'],
      ['GET', '/mcp', 'ANY /mcp'],
      ['DELETE', '/mcp', 'ANY /mcp'],
      ['GET', '/.well-known', '$default'],
      ['GET', '/.well-known/', '$default'],
      ['POST', '/mcp/', '$default'],
      ['POST', '/mcp/x', '$default'],
      ['POST', '/mcpx', '$default'],
      ['POST', '/MCP', '$default'],
      ['GET', '/.Well-Known/oauth-authorization-server', '$default'],
      ['GET', '/', '$default'],
      ['GET', '/Home', '$default'],
      ['GET', '/api/v1/pages', '$default'],
      ['GET', '/-/search', '$default'],
    ])('%s %s → %s', (method, path, expected) => {
      expect(selectRoute(table, method, path)?.route.routeKey).toBe(expected);
    });

    it('passes the rest of a greedy match as the proxy path parameter', () => {
      expect(selectRoute(table, 'GET', '/.well-known/oauth-protected-resource/mcp')?.pathParameters).toEqual({
        proxy: 'oauth-protected-resource/mcp',
      });
    });

    it('URL-decodes path parameters the way API Gateway passes them on', () => {
      expect(selectRoute(table, 'GET', '/.well-known/a%20b')?.pathParameters).toEqual({ proxy: 'a b' });
    });

    it('gives $default no path parameters', () => {
      expect(selectRoute(table, 'GET', '/Home')?.pathParameters).toEqual({});
    });
  });

  it.each([
    ['POST', 'POST /mcp'],
    ['post', 'POST /mcp'],
    ['GET', 'ANY /mcp'],
  ])('prefers a method-specific route over ANY on the same path (%s)', (method, expected) => {
    expect(selectRoute(routes('ANY /mcp', 'POST /mcp'), method, '/mcp')?.route.routeKey).toBe(expected);
  });

  it.each([
    ['/a/b/c', 'ANY /a/b/{proxy+}', 'c'],
    ['/a/x/y', 'ANY /a/{proxy+}', 'x/y'],
    ['/x', 'ANY /{proxy+}', 'x'],
  ])('lets the longest greedy prefix win (%s)', (path, expected, proxy) => {
    // Prepare
    const table = routes('ANY /{proxy+}', 'ANY /a/{proxy+}', 'ANY /a/b/{proxy+}');

    // Act
    const match = selectRoute(table, 'GET', path);

    // Assess
    expect(match?.route.routeKey).toBe(expected);
    expect(match?.pathParameters).toEqual({ proxy });
  });

  it.each([
    ['GET', 'GET /a/{proxy+}'],
    ['POST', 'ANY /a/{proxy+}'],
  ])('prefers a method-specific greedy route over ANY with the same prefix (%s)', (method, expected) => {
    expect(selectRoute(routes('ANY /a/{proxy+}', 'GET /a/{proxy+}'), method, '/a/b')?.route.routeKey).toBe(expected);
  });

  it('prefers a full match with a path variable over a greedy route', () => {
    expect(selectRoute(routes('ANY /pages/{proxy+}', 'GET /pages/{name}'), 'GET', '/pages/Home')?.route.routeKey).toBe(
      'GET /pages/{name}',
    );
  });

  it('prefers a literal segment over a path variable', () => {
    expect(selectRoute(routes('GET /pages/{name}', 'GET /pages/new'), 'GET', '/pages/new')?.route.routeKey).toBe(
      'GET /pages/new',
    );
  });

  it('does not let a path variable match an empty segment', () => {
    expect(selectRoute(routes('GET /pages/{name}', '$default'), 'GET', '/pages/')?.route.routeKey).toBe('$default');
  });

  it('returns undefined where API Gateway answers 404 Not Found (nothing matches, no $default)', () => {
    expect(selectRoute(routes('ANY /mcp'), 'GET', '/Home')).toBeUndefined();
  });

  it('refuses a path that does not start with "/"', () => {
    expect(() => selectRoute(routes('$default'), 'GET', 'mcp')).toThrow('must start with "/"');
  });
});

describe('parseRouteKey', () => {
  it.each([
    ['GET pets', 'neither'],
    ['ANY /{proxy+}/x', 'greedy variable must end the path'],
    ['ANY /a{b}', 'bad path variable'],
    ['any /mcp', 'neither'],
  ])('refuses %s', (key, message) => {
    expect(() => parseRouteKey(key)).toThrow(message);
  });

  it('parses the greedy well-known route', () => {
    expect(parseRouteKey('ANY /.well-known/{proxy+}')).toEqual({
      kind: 'route',
      method: 'ANY',
      path: '/.well-known/{proxy+}',
      segments: [
        { kind: 'literal', value: '.well-known' },
        { kind: 'greedy', name: 'proxy' },
      ],
    });
  });
});
