/**
 * @module The warm `tools/list` answer without a per-request McpServer: the listing is static per deployed
 * version and per access level, so its JSON is serialised once and each answer only splices in the request's
 * id. It answers only a request the SDK's transport and server would answer with exactly these bytes — one
 * plain `tools/list` request with no parameters, the headers the transport accepts — and hands everything
 * else (batches, cursors, `_meta`, odd headers, malformed messages) to the SDK, whose answer is then the only
 * one. tests/unit/tool-listing.test.ts holds the two answers byte for byte equal. Building a McpServer and a
 * transport for each request, parsing it with zod and serialising ~20 KB of listing was most of a warm
 * `tools/list`'s time in the function (docs/performance.md).
 */
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { plainResponse } from '@wikibot/lambda-http';

/** A JSON media type with no parameter but UTF-8's (the transport accepts more; those take the SDK path). */
const PLAIN_JSON = /^application\/json(?:\s*;\s*charset="?utf-8"?)?$/i;
const REQUEST_KEYS = new Set(['jsonrpc', 'id', 'method', 'params']);

/** The request's id when `parsed` is a lone, parameterless `tools/list` request; undefined otherwise. */
function listRequestId(parsed: unknown): string | number | undefined {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const message = parsed as Record<string, unknown>;
  if (message.jsonrpc !== '2.0' || message.method !== 'tools/list') return undefined;
  for (const key in message) if (!REQUEST_KEYS.has(key)) return undefined;
  const { params, id } = message;
  if (params !== undefined) {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) return undefined;
    for (const _key in params) return undefined;
  }
  if (typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id))) return id;
  return undefined;
}

/** True when the transport would take the request's headers as they are. */
function plainHeaders(headers: Headers): boolean {
  const accept = headers.get('accept');
  if (!accept?.includes('application/json') || !accept.includes('text/event-stream')) return false;
  if (!PLAIN_JSON.test(headers.get('content-type')?.trim() ?? '')) return false;
  const version = headers.get('mcp-protocol-version');
  return version === null || SUPPORTED_PROTOCOL_VERSIONS.includes(version);
}

/**
 * Answers `tools/list` from a serialised listing; `serialised()` gives the listing's JSON for the caller.
 * Returns undefined when the request must go through the SDK.
 *
 * @example
 * ```ts
 * const quick = answerToolListing(request, parsedBody, () => listingJson(principal.access));
 * if (quick) return quick;
 * ```
 */
export function answerToolListing(request: Request, parsed: unknown, serialised: () => string): Response | undefined {
  const id = listRequestId(parsed);
  if (id === undefined || !plainHeaders(request.headers)) return undefined;
  // What the SDK sends: JSON.stringify({ result, jsonrpc, id }) with the listing as result, as JSON.
  // A plain Response the Lambda adapter hands on as it is, without streaming the ~20 KB back out of it.
  return plainResponse(`{"result":${serialised()},"jsonrpc":"2.0","id":${JSON.stringify(id)}}`, {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}
