/**
 * @module API Gateway v2 event → web-standard Request.
 */
import { rememberRequestBody } from './known-bodies.js';
import type { ApiGatewayV2Event } from './types.js';

/** The event is not an HTTP API payload 2.0 event. */
export class MalformedEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedEventError';
  }
}

/**
 * Builds the Request an app sees. The URL's origin is the host the client used (custom domain or the
 * API's own endpoint), so links the app builds match what the client called.
 */
export function eventToRequest(event: ApiGatewayV2Event): Request {
  if (event?.version !== '2.0' || typeof event.rawPath !== 'string' || !event.requestContext?.http?.method) {
    throw new MalformedEventError('expected an API Gateway HTTP API payload format 2.0 event');
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (typeof value === 'string') headers.set(name, value);
  }
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const host = event.requestContext.domainName || headers.get('host') || 'localhost';
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'https';
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const method = event.requestContext.http.method.toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD' && event.body !== undefined && event.body !== null;
  const body = hasBody ? (event.isBase64Encoded ? Buffer.from(event.body!, 'base64') : event.body!) : undefined;
  let url: URL;
  try {
    url = new URL(`${proto}://${host}${event.rawPath || '/'}${query}`);
  } catch {
    throw new MalformedEventError('the event does not describe a valid URL');
  }
  const request = new Request(url, { method, headers, body });
  if (body !== undefined) rememberRequestBody(request, body);
  return request;
}
