/**
 * @module API Gateway v2 event → web-standard Request.
 */
import { EventRequest } from './event-request.js';
import { isToken, PlainHeaders } from './plain-headers.js';
import type { ApiGatewayV2Event } from './types.js';

/** The event is not an HTTP API payload 2.0 event. */
export class MalformedEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedEventError';
  }
}

/** Methods `new Request` refuses although they are tokens. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * Builds the Request an app sees: an {@link EventRequest}, whose method, URL and headers are read from the event
 * without loading Node's fetch classes. The URL's origin is the host the client used (custom domain or the API's
 * own endpoint), so links the app builds match what the client called.
 */
export function eventToRequest(event: ApiGatewayV2Event): Request {
  if (event?.version !== '2.0' || typeof event.rawPath !== 'string' || !event.requestContext?.http?.method) {
    throw new MalformedEventError('expected an API Gateway HTTP API payload format 2.0 event');
  }
  const headers = new PlainHeaders();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (typeof value === 'string') headers.set(name, value);
  }
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const host = event.requestContext.domainName || headers.get('host') || 'localhost';
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'https';
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const method = event.requestContext.http.method.toUpperCase();
  // What `new Request` would throw on later, refused here where the event is known to be at fault.
  if (!isToken(method) || FORBIDDEN_METHODS.has(method)) {
    throw new MalformedEventError(`the event's method is not one a Request can carry`);
  }
  const hasBody = method !== 'GET' && method !== 'HEAD' && event.body !== undefined && event.body !== null;
  const body = hasBody ? (event.isBase64Encoded ? Buffer.from(event.body!, 'base64') : event.body!) : undefined;
  let url: URL;
  try {
    url = new URL(`${proto}://${host}${event.rawPath || '/'}${query}`);
  } catch {
    throw new MalformedEventError('the event does not describe a valid URL');
  }
  if (url.username || url.password) throw new MalformedEventError('the event describes a URL with credentials');
  return new EventRequest({ method, url: url.href, headers, body });
}
