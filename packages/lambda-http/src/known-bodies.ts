/**
 * @module Request bodies the adapter already holds, kept beside the Request carrying them, so reading them skips
 * the body stream: building a web-standard body's ReadableStream and draining it again was the largest part of a
 * warm MCP `tools/list` in the function after the MCP work itself (docs/performance.md). The bytes given back are
 * exactly what reading the stream would give (a string body is UTF-8 encoded as `Request` encodes it); anything
 * not built here is read the standard way. (Responses with a held body are `plainResponse`s.)
 */

const requestBodies = new WeakMap<Request, string | Uint8Array>();

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
