/**
 * @module Plain JSON-RPC over `app.fetch` for unit tests (the e2e tests use the SDK's own Client).
 */
import type { App } from '../../src/index.js';
import { RESOURCE } from './env.js';

/** Headers a Streamable HTTP client sends with a POST. */
export function mcpHeaders(token?: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/** POSTs one JSON-RPC request to /mcp. */
export function mcpRequest(method: string, params: unknown, token?: string, id = 1): Request {
  return new Request(RESOURCE, {
    method: 'POST',
    headers: mcpHeaders(token),
    body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
  });
}

/** Calls a tool and returns its result (`content[0].text`, `isError`). */
export async function callTool(
  app: App,
  token: string,
  name: string,
  args: Record<string, unknown> = {},
): Promise<{ text: string; isError: boolean }> {
  const response = await app.fetch(mcpRequest('tools/call', { name, arguments: args }, token));
  if (response.status !== 200) throw new Error(`tools/call ${name}: HTTP ${response.status} ${await response.text()}`);
  const body = (await response.json()) as {
    result?: { content: { text: string }[]; isError?: boolean };
    error?: unknown;
  };
  if (!body.result) throw new Error(`tools/call ${name}: ${JSON.stringify(body.error)}`);
  return { text: body.result.content.map((c) => c.text).join('\n'), isError: body.result.isError === true };
}
