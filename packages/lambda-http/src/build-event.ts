/**
 * @module Builds payload 2.0 events the way API Gateway does: one factory for the local gateway and for
 * every test, so both see the same shapes as Lambda does.
 */
import { randomUUID } from 'node:crypto';
import type { ApiGatewayV2Event, ApiGatewayV2Result } from './types.js';

/** What a gateway knows of an incoming request. */
export interface IncomingHttpRequest {
  method: string;
  /** Path and query as sent, e.g. `/Foo%20Bar?x=1`. */
  url: string;
  /** Header pairs as received (any case; repeated names allowed). */
  headers?: Iterable<[string, string]> | Record<string, string | string[] | undefined>;
  body?: Uint8Array | string;
  sourceIp?: string;
  /** The matched route, e.g. `ANY /mcp` or `$default`. */
  routeKey?: string;
  pathParameters?: Record<string, string>;
  /** Host the client called; defaults to the Host header. */
  domainName?: string;
  now?: Date;
}

const TEXT_CONTENT =
  /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript|[\w.+-]+\+(json|xml))|multipart\/form-data)/i;

function headerPairs(headers: IncomingHttpRequest['headers']): [string, string][] {
  if (!headers) return [];
  if (Symbol.iterator in Object(headers)) return [...(headers as Iterable<[string, string]>)];
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (Array.isArray(value)) for (const v of value) pairs.push([name, v]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
}

/**
 * Creates an HTTP API payload 2.0 event: headers lower-cased and repeated ones joined with commas,
 * `Cookie` moved into `cookies`, query parameters parsed (repeated ones comma-joined), and a body that is
 * not valid UTF-8 text sent base64-encoded.
 *
 * @example
 * ```ts
 * createApiGatewayV2Event({ method: 'GET', url: '/.well-known/oauth-protected-resource/mcp',
 *   routeKey: 'ANY /.well-known/{proxy+}', pathParameters: { proxy: 'oauth-protected-resource/mcp' } });
 * ```
 */
export function createApiGatewayV2Event(input: IncomingHttpRequest): ApiGatewayV2Event {
  const method = input.method.toUpperCase();
  const queryAt = input.url.indexOf('?');
  const rawPath = queryAt === -1 ? input.url : input.url.slice(0, queryAt);
  const rawQueryString = queryAt === -1 ? '' : input.url.slice(queryAt + 1);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [rawName, value] of headerPairs(input.headers)) {
    const name = rawName.toLowerCase();
    if (name === 'cookie') {
      cookies = [
        ...(cookies ?? []),
        ...value
          .split(';')
          .map((c) => c.trim())
          .filter(Boolean),
      ];
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  let queryStringParameters: Record<string, string> | undefined;
  if (rawQueryString) {
    queryStringParameters = {};
    for (const [k, v] of new URLSearchParams(rawQueryString)) {
      queryStringParameters[k] = k in queryStringParameters ? `${queryStringParameters[k]},${v}` : v;
    }
  }
  let body: string | undefined;
  let isBase64Encoded = false;
  if (input.body !== undefined && input.body.length > 0) {
    const bytes = typeof input.body === 'string' ? Buffer.from(input.body) : Buffer.from(input.body);
    const text = TEXT_CONTENT.test(headers['content-type'] ?? '') ? decodeUtf8(bytes) : undefined;
    if (text === undefined) {
      body = bytes.toString('base64');
      isBase64Encoded = true;
    } else body = text;
  }
  const now = input.now ?? new Date();
  const domainName = input.domainName ?? headers.host ?? 'localhost';
  const routeKey = input.routeKey ?? '$default';
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // API Gateway passes undecodable paths through as sent.
  }
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded,
  };
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Turns a Lambda result back into what goes on the wire, as API Gateway does: `cookies` become
 * `Set-Cookie` headers, a base64 body is decoded.
 */
export function decodeApiGatewayV2Result(result: ApiGatewayV2Result): {
  status: number;
  headers: [string, string][];
  body: Buffer;
} {
  const headers: [string, string][] = Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]);
  for (const cookie of result.cookies ?? []) headers.push(['set-cookie', cookie]);
  const body =
    result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  return { status: result.statusCode, headers, body };
}
