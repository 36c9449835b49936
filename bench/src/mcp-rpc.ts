/**
 * @module Stateless MCP over HTTP, by hand: JSON-RPC request bodies, the headers a Streamable HTTP client
 * sends, and a caller that reads either a JSON or a one-event SSE answer. Hand-rolled (rather than the
 * SDK's Client) so load generators send byte-identical requests and fuzzers can break them.
 */

/** The protocol revision the bench speaks. */
export const MCP_PROTOCOL_VERSION = '2025-06-18';

/** A JSON-RPC 2.0 request body. */
export function rpcBody(method: string, params: Record<string, unknown> = {}, id: number | string = 1): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method, params });
}

/** Headers of a Streamable HTTP POST, with the bearer token when given. */
export function mcpHeaders(token?: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': MCP_PROTOCOL_VERSION,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/** A JSON-RPC answer as received. */
export interface RpcAnswer {
  readonly status: number;
  readonly body: string;
  /** The parsed JSON-RPC message, when the body held one. */
  readonly message?: { result?: Record<string, unknown>; error?: { code: number; message: string } };
}

/** Parses a JSON body or the first `data:` line of an SSE body. */
export function parseRpcBody(body: string): RpcAnswer['message'] {
  const trimmed = body.trim();
  const json = trimmed.startsWith('{') ? trimmed : /^data: (.*)$/m.exec(trimmed)?.[1];
  if (!json) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** POSTs one JSON-RPC request to an MCP endpoint. */
export async function callRpc(
  mcpUrl: string,
  token: string | undefined,
  method: string,
  params: Record<string, unknown> = {},
): Promise<RpcAnswer> {
  const response = await fetch(mcpUrl, { method: 'POST', headers: mcpHeaders(token), body: rpcBody(method, params) });
  const body = await response.text();
  return { status: response.status, body, message: parseRpcBody(body) };
}

/** A tool call's outcome: its text, and whether the tool reported an error. */
export interface ToolOutcome {
  readonly status: number;
  readonly isError: boolean;
  readonly text: string;
}

/** Calls one MCP tool and flattens its text content. */
export async function callTool(
  mcpUrl: string,
  token: string,
  name: string,
  args: Record<string, unknown>,
): Promise<ToolOutcome> {
  const answer = await callRpc(mcpUrl, token, 'tools/call', { name, arguments: args });
  const result = answer.message?.result as
    { isError?: boolean; content?: { type: string; text?: string }[] } | undefined;
  if (!result) {
    const why = answer.message?.error?.message ?? answer.body.slice(0, 300);
    return { status: answer.status, isError: true, text: `HTTP ${answer.status}: ${why}` };
  }
  const text = (result.content ?? []).map((c) => c.text ?? '').join('\n');
  return { status: answer.status, isError: result.isError === true, text };
}
