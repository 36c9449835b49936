/**
 * @module An HTTP server with API Gateway HTTP API semantics in front of a route table: route
 * selection, payload format 2.0 events, results mapped back to HTTP, the 10 MB request limit and Lambda's
 * 6 MB payload limits (lambda-payload.ts), and API Gateway's JSON errors. A failing function or a client that goes away
 * never takes it down.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackAuthority } from '@wikibot/auth-config';
import { selectRoute, type HttpRoute } from '@wikibot/http-api-routes';
import {
  createApiGatewayV2Event,
  decodeApiGatewayV2Result,
  type ApiGatewayV2Event,
  type ApiGatewayV2Result,
} from '@wikibot/lambda-http';
import { exceedsPayloadLimit, MAX_INVOKE_REQUEST_BYTES, MAX_INVOKE_RESPONSE_BYTES } from './lambda-payload.js';

/** API Gateway's request size limit for HTTP APIs. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** Invokes the function behind a route with an event; resolves with the function's (JSON) result. */
export type RouteInvoker<R extends HttpRoute> = (route: R, event: ApiGatewayV2Event) => Promise<unknown>;

/** Options of {@link startGateway}. */
export interface GatewayOptions<R extends HttpRoute> {
  routes: readonly R[];
  invoke: RouteInvoker<R>;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Called for each invocation failure (the client sees API Gateway's 502); `route` is absent for gateway faults. */
  onError?: (error: unknown, route: R | undefined) => void;
}

/** A running gateway. */
export interface Gateway {
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

class TooLarge extends Error {}

function apiGatewayError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify({ message });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_REQUEST_BYTES) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Turns what a function returned into an HTTP response the way API Gateway does for payload 2.0:
 * a full result is used as given; a string or an object without `statusCode` is sent as a 200 JSON
 * body; anything else (or an invalid status) is an integration failure.
 */
export function interpretResult(value: unknown): ApiGatewayV2Result | undefined {
  if (typeof value === 'string')
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: value };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const result = value as Partial<ApiGatewayV2Result>;
  if (!('statusCode' in result))
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
  const status = result.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return undefined;
  if (result.body !== undefined && result.body !== null && typeof result.body !== 'string') return undefined;
  if (result.headers !== undefined && (typeof result.headers !== 'object' || result.headers === null)) return undefined;
  if (result.cookies !== undefined && !Array.isArray(result.cookies)) return undefined;
  return { ...result, body: result.body ?? undefined } as ApiGatewayV2Result;
}

/** Starts the gateway. */
export async function startGateway<R extends HttpRoute>(options: GatewayOptions<R>): Promise<Gateway> {
  const { routes, invoke } = options;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const rawPath = url.split('?')[0] || '/';
    const match = rawPath.startsWith('/') ? selectRoute(routes, req.method ?? 'GET', rawPath) : undefined;
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof TooLarge) {
        apiGatewayError(res, 413, 'Request Entity Too Large');
        // Stop reading the rest of an oversized upload.
        res.on('finish', () => req.destroy());
      } else req.destroy();
      return;
    }
    // API Gateway answers only for its own domain names; locally those are the loopback names. Refusing the
    // rest keeps a page on a foreign name rebound to 127.0.0.1 (DNS rebinding) away from every route.
    if (!isLoopbackAuthority(req.headers.host, req.socket.localPort ?? 0))
      return apiGatewayError(res, 421, 'Misdirected Request');
    if (!match) return apiGatewayError(res, 404, 'Not Found');
    const port = (req.socket.localPort ?? '').toString();
    const event = createApiGatewayV2Event({
      method: req.method ?? 'GET',
      url,
      headers: [
        ...pairs(req.rawHeaders),
        ['x-forwarded-for', req.socket.remoteAddress ?? '127.0.0.1'],
        ['x-forwarded-proto', 'http'],
        ['x-forwarded-port', port],
      ],
      body,
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      routeKey: match.route.routeKey,
      pathParameters: Object.keys(match.pathParameters).length ? { ...match.pathParameters } : undefined,
    });
    if (exceedsPayloadLimit(event, MAX_INVOKE_REQUEST_BYTES)) {
      options.onError?.(new Error(`the event is over Lambda's ${MAX_INVOKE_REQUEST_BYTES}-byte limit`), match.route);
      return apiGatewayError(res, 500, 'Internal Server Error');
    }
    let result: ApiGatewayV2Result | undefined;
    try {
      const value = await invoke(match.route, event);
      if (exceedsPayloadLimit(value, MAX_INVOKE_RESPONSE_BYTES))
        throw new Error(`the response is over Lambda's ${MAX_INVOKE_RESPONSE_BYTES}-byte limit`);
      result = interpretResult(value);
      if (!result) throw new Error('the function returned a response API Gateway cannot map');
    } catch (error) {
      options.onError?.(error, match.route);
      return apiGatewayError(res, 502, 'Internal Server Error');
    }
    if (res.destroyed) return;
    const decoded = decodeApiGatewayV2Result(result);
    res.statusCode = decoded.status;
    for (const [name, value] of decoded.headers) {
      if (name.toLowerCase() === 'content-length' || name.toLowerCase() === 'transfer-encoding') continue;
      res.appendHeader(name, value);
    }
    res.setHeader('apigw-requestid', event.requestContext.requestId);
    res.setHeader('content-length', decoded.body.length);
    res.end(decoded.body);
  }

  const server = createServer((req, res) => {
    // A client that disconnects leaves errors on its own request and response only.
    req.on('error', () => {});
    res.on('error', () => {});
    handle(req, res).catch((error) => {
      options.onError?.(error, undefined);
      apiGatewayError(res, 500, 'Internal Server Error');
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}
