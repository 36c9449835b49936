/**
 * @module One structured JSON log line per request (CloudWatch parses it). Tokens, API keys and page
 * contents are never passed in, so they can never be logged.
 */

/** Fields of the per-request log line. */
export interface RequestLog {
  method: string;
  route: string;
  status: number;
  latencyMs: number;
  /** The MCP client: `initialize`'s clientInfo name, else the OAuth client id, else `api-key`. */
  client?: string;
  /** The subject (WorkOS user id) or `api-key`. */
  user?: string;
  /** JSON-RPC methods in the request, e.g. `tools/call`. */
  rpc?: string[];
  /** Tools called. */
  tools?: string[];
  /** A safe description of why a request was refused or failed. */
  reason?: string;
}

/** Where log lines go; replaceable in tests. */
export type LogSink = (line: string) => void;

/**
 * Refusals every MCP session produces by design, logged at info: a stateless JSON-only server answers the
 * client's `GET /mcp` (its offer to open an SSE stream) with 405, as the Streamable HTTP spec provides.
 */
function expected(entry: RequestLog): boolean {
  return entry.status === 405 && entry.method === 'GET' && entry.route === 'GET /mcp';
}

/** Writes one line: `{"level":"info","msg":"request",...}`. */
export function logRequest(sink: LogSink, entry: RequestLog): void {
  const level = entry.status >= 500 ? 'error' : entry.status >= 400 && !expected(entry) ? 'warn' : 'info';
  sink(JSON.stringify({ level, msg: 'request', time: new Date().toISOString(), ...entry }));
}

/** Logs an unexpected error by name and message (no stack with request data in it). */
export function logError(sink: LogSink, where: string, error: unknown): void {
  const e = error instanceof Error ? error : new Error(String(error));
  const cause = e.cause instanceof Error ? { cause: `${e.cause.name}: ${e.cause.message}` } : {};
  sink(
    JSON.stringify({
      level: 'error',
      msg: where,
      time: new Date().toISOString(),
      error: `${e.name}: ${e.message}`,
      ...cause,
    }),
  );
}
