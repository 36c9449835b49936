/**
 * @module Bodies the adapter already holds, kept beside the Request or Response carrying them, so reading them
 * skips the body stream: building a web-standard body's ReadableStream and draining it again was the largest
 * part of a warm MCP `tools/list` in the function after the MCP work itself (docs/performance.md). The bytes
 * and text given back are exactly what reading the stream would give (a string body is UTF-8 encoded as
 * `Request`/`Response` encode it); anything not built here is read the standard way.
 */

const requestBodies = new WeakMap<Request, string | Uint8Array>();
const responseTexts = new WeakMap<Response, string>();

/** Notes the body a Request was built with (the adapter's side; not exported from the package). */
export function rememberRequestBody(request: Request, body: string | Uint8Array): void {
  requestBodies.set(request, body);
}

/**
 * The request's body as bytes: straight from the event for a Request the adapter built and nobody read yet
 * (its stream stays unread), else read from the stream.
 *
 * @example
 * ```ts
 * const bytes = await requestBytes(request); // same bytes as new Uint8Array(await request.arrayBuffer())
 * ```
 */
export async function requestBytes(request: Request): Promise<Uint8Array> {
  const known = request.bodyUsed ? undefined : requestBodies.get(request);
  if (known === undefined) return new Uint8Array(await request.arrayBuffer());
  requestBodies.delete(request);
  return typeof known === 'string' ? Buffer.from(known, 'utf8') : known;
}

/**
 * A Response with a text body the Lambda adapter can take as it is instead of reading the body stream back.
 * Behaves as `new Response(text, init)` everywhere else.
 */
export function textResponse(text: string, init?: ResponseInit): Response {
  const response = new Response(text, init);
  responseTexts.set(response, text);
  return response;
}

/**
 * The text a Response from {@link textResponse} was built with, while its body is unread and the text survives
 * UTF-8 as is (no lone surrogates, which encoding would replace); undefined otherwise.
 */
export function knownResponseText(response: Response): string | undefined {
  if (response.bodyUsed) return undefined;
  const text = responseTexts.get(response);
  return text !== undefined && wellFormed(text) ? text : undefined;
}

/** `String.prototype.isWellFormed` (ES2024; in every Node this runs on, not yet in the project's TypeScript lib). */
function wellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}
