/**
 * @module Web-standard Response → API Gateway v2 structured result.
 */
import { unreadPlainBody } from './plain-response.js';
import type { ApiGatewayV2Result } from './types.js';

// Matched against the type with its ASCII letters lower-cased, which is what the `i` flag (without `u`) compares;
// compiling a case-insensitive pattern sets up ICU's case-closure data, ~1 M instructions of a cold page view.
const TEXT_TYPES =
  /^(text\/|application\/(json|javascript|xml|x-www-form-urlencoded|[\w.+-]+\+(json|xml))|image\/svg\+xml)/;
const ASCII_CAPITALS = /[A-Z]+/g;

/**
 * `String.prototype.toWellFormed` (ES2024; in every Node this runs on, not yet in the project's TypeScript lib): lone
 * surrogates become U+FFFD, as encoding the text as UTF-8 for a stream makes them.
 */
function toWellFormed(text: string): string {
  return (text as string & { toWellFormed(): string }).toWellFormed();
}

/**
 * Converts a Response into the full result shape (never a bare string, which API Gateway would guess
 * at). Text bodies stay text; anything else travels base64-encoded. `Set-Cookie` headers become
 * `cookies`, as payload 2.0 requires for more than one. The body of a `plainResponse` is taken as it is,
 * without building a stream (or loading Node's fetch classes); any other Response's body is read.
 */
export async function responseToResult(response: Response): Promise<ApiGatewayV2Result> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  const contentType = response.headers.get('content-type') ?? '';
  const plain = unreadPlainBody(response);
  const held = plain === undefined ? Buffer.from(await response.arrayBuffer()) : (plain ?? '');
  const isText = held.length === 0 || TEXT_TYPES.test(contentType.replace(ASCII_CAPITALS, (run) => run.toLowerCase()));
  let body: string;
  if (typeof held === 'string') {
    body = isText ? toWellFormed(held) : Buffer.from(held).toString('base64');
  } else {
    const bytes = Buffer.from(held.buffer, held.byteOffset, held.byteLength);
    body = isText ? bytes.toString('utf8') : bytes.toString('base64');
  }
  return {
    statusCode: response.status,
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    body,
    isBase64Encoded: !isText,
  };
}
