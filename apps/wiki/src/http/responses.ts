/**
 * @module Small constructors for the responses the app sends; security headers are added centrally. Each is a
 * `plainResponse` (@wikibot/lambda-http), so answering a page view does not load Node's fetch classes (undici,
 * ~40 ms of a cold start); it behaves as `new Response` everywhere else.
 */
import { plainResponse } from '@wikibot/lambda-http';
import type { SafeHtml } from '../views/html.js';

type HeaderInit = ConstructorParameters<typeof Headers>[0];

/** An HTML page. */
export function htmlResponse(markup: SafeHtml, status = 200, headers: HeaderInit = {}): Response {
  const out = plainResponse(markup.value, { status, headers });
  out.headers.set('content-type', 'text/html; charset=utf-8');
  if (!out.headers.has('cache-control')) out.headers.set('cache-control', 'private, no-cache');
  return out;
}

/** A JSON body. */
export function jsonResponse(body: unknown, status = 200, headers: HeaderInit = {}): Response {
  const out = plainResponse(JSON.stringify(body), { status, headers });
  out.headers.set('content-type', 'application/json; charset=utf-8');
  return out;
}

/** A redirect (303 after a POST, 302 otherwise) to a path on this site. */
export function redirect(location: string, status: 301 | 302 | 303 = 302, headers: HeaderInit = {}): Response {
  const out = plainResponse(null, { status, headers });
  out.headers.set('location', location);
  return out;
}
