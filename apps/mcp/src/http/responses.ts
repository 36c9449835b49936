/**
 * @module JSON responses and CORS for every route. wikibot's MCP endpoint never answers HTML: browser
 * clients (MCP Inspector) and CLI clients read JSON errors and the CORS-exposed challenge headers.
 * The app's own responses are `plainResponse`s (@wikibot/lambda-http), so a cold start answering discovery does
 * not load Node's fetch classes (undici, ~40 ms); they behave as `new Response` everywhere else.
 */
import { plainResponse } from '@wikibot/lambda-http';

/** Headers a browser client may send to `/mcp` and the discovery routes. */
const ALLOW_HEADERS = 'Authorization, Content-Type, Accept, Mcp-Protocol-Version, Mcp-Session-Id, Last-Event-ID';
/** Headers a browser client may read: the OAuth challenge and MCP's own. */
const EXPOSE_HEADERS = 'WWW-Authenticate, Mcp-Session-Id, Mcp-Protocol-Version';

/** A JSON response that is never cached unless `headers` says otherwise. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return plainResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}

/** A JSON error body `{ error, message }` (RFC 6749-style code plus a sentence for people). */
export function jsonError(
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return json(status, { error, message }, headers);
}

/**
 * Adds CORS headers. Credentials travel in the Authorization header, never in cookies, so any origin may
 * call; the bearer token is what is checked. The app's own responses get them in place (copying a Response
 * re-wraps its body in a stream, which every warm request then paid for); a Response with immutable
 * headers (one from `fetch`) is copied.
 */
export function withCors(response: Response): Response {
  try {
    response.headers.set('access-control-allow-origin', '*');
    response.headers.set('access-control-expose-headers', EXPOSE_HEADERS);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set('access-control-allow-origin', '*');
    headers.set('access-control-expose-headers', EXPOSE_HEADERS);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** The answer to a CORS preflight (`OPTIONS`) for a route allowing `methods`. */
export function preflight(methods: string): Response {
  return plainResponse(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': methods,
      'access-control-allow-headers': ALLOW_HEADERS,
      'access-control-expose-headers': EXPOSE_HEADERS,
      'access-control-max-age': '86400',
      allow: methods,
    },
  });
}

/** 405 with the `Allow` header. */
export function methodNotAllowed(allow: string): Response {
  return jsonError(405, 'method_not_allowed', `Use ${allow}.`, { allow });
}
