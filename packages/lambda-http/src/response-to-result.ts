/**
 * @module Web-standard Response → API Gateway v2 structured result.
 */
import { knownResponseText } from './known-bodies.js';
import type { ApiGatewayV2Result } from './types.js';

const TEXT_TYPES =
  /^(text\/|application\/(json|javascript|xml|x-www-form-urlencoded|[\w.+-]+\+(json|xml))|image\/svg\+xml)/i;

/**
 * Converts a Response into the full result shape (never a bare string, which API Gateway would guess
 * at). Text bodies stay text; anything else travels base64-encoded. `Set-Cookie` headers become
 * `cookies`, as payload 2.0 requires for more than one. The text of a `textResponse` is taken as it is.
 */
export async function responseToResult(response: Response): Promise<ApiGatewayV2Result> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  const contentType = response.headers.get('content-type') ?? '';
  const known = knownResponseText(response);
  if (known !== undefined && (known === '' || TEXT_TYPES.test(contentType))) {
    return {
      statusCode: response.status,
      headers,
      ...(cookies.length > 0 ? { cookies } : {}),
      body: known,
      isBase64Encoded: false,
    };
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  const isText = bytes.length === 0 || TEXT_TYPES.test(contentType);
  return {
    statusCode: response.status,
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    body: isText ? bytes.toString('utf8') : bytes.toString('base64'),
    isBase64Encoded: !isText,
  };
}
