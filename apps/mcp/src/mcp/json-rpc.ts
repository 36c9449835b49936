/**
 * @module Reads a `POST /mcp` body once: bounded in size, parsed as JSON, summarised for the log (methods,
 * tool names, the client's name from `initialize`). The parsed body goes to the transport as is.
 */
import { requestBytes } from '@wikibot/lambda-http';
import { json } from '../http/responses.js';

/**
 * Largest body accepted: Lambda's synchronous payload limit is 6 MB (6,291,456 bytes, the event envelope
 * included). The largest legitimate body is an upload_attachment call: 4 MiB base64-encoded is 5,592,408 bytes.
 */
export const MAX_BODY_BYTES = 6_000_000;

/** What the log needs from a JSON-RPC message or batch. */
export interface JsonRpcSummary {
  readonly methods: string[];
  readonly tools: string[];
  /** `params.clientInfo.name` of an `initialize` request. */
  readonly clientInfoName?: string;
}

const rpcError = (status: number, code: number, message: string): Response =>
  json(status, { jsonrpc: '2.0', error: { code, message }, id: null });

/** The parsed body and its summary, or a JSON-RPC error response. */
export async function readJsonRpc(
  request: Request,
): Promise<{ parsed: unknown; summary: JsonRpcSummary } | { response: Response }> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES)
    return { response: rpcError(413, -32600, `Request body too large (limit ${MAX_BODY_BYTES} bytes)`) };
  const bytes = await requestBytes(request);
  if (bytes.byteLength > MAX_BODY_BYTES)
    return { response: rpcError(413, -32600, `Request body too large (limit ${MAX_BODY_BYTES} bytes)`) };
  let text: string;
  try {
    // Fatal decoding: replacement characters would otherwise end up in page names and content.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { response: rpcError(400, -32700, 'Parse error: the body is not valid UTF-8') };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { response: rpcError(400, -32700, 'Parse error: the body is not JSON') };
  }
  // JSON-RPC 2.0 §6: an empty batch is itself an invalid request (the transport would answer 202, empty).
  if (Array.isArray(parsed) && parsed.length === 0)
    return { response: rpcError(400, -32600, 'Invalid Request: an empty batch') };
  return { parsed, summary: summarizeJsonRpc(parsed) };
}

/** Methods, tool names and the client's name found in a message or batch. */
export function summarizeJsonRpc(parsed: unknown): JsonRpcSummary {
  const messages = (Array.isArray(parsed) ? parsed : [parsed]) as {
    method?: unknown;
    params?: Record<string, unknown>;
  }[];
  const methods: string[] = [];
  const tools: string[] = [];
  let clientInfoName: string | undefined;
  for (const message of messages) {
    if (typeof message?.method !== 'string') continue;
    methods.push(message.method);
    const params = message.params ?? {};
    if (message.method === 'tools/call' && typeof params.name === 'string') tools.push(params.name);
    const clientInfo = params.clientInfo as { name?: unknown } | undefined;
    if (message.method === 'initialize' && typeof clientInfo?.name === 'string')
      clientInfoName = clientInfo.name.slice(0, 100);
  }
  return { methods, tools, clientInfoName };
}
