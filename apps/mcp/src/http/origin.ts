/**
 * @module The `Origin` check of `/mcp`. The Streamable HTTP transport requires servers to validate
 * `Origin`: otherwise a page on any site — or on a DNS name rebound to a developer's machine — can drive
 * the server with whatever token it obtains. CORS stays credential-less (`*`, no cookies), so this check,
 * not the browser, decides which pages may call.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#security-warning
 */
import { jsonError } from './responses.js';

/**
 * A 403 for a request whose `Origin` is present and not in `allowed`; undefined otherwise (no `Origin`:
 * a CLI or server-side client, not a browser page).
 */
export function refuseForeignOrigin(request: Request, allowed: ReadonlySet<string>): Response | undefined {
  const origin = request.headers.get('origin');
  if (origin === null || allowed.has(origin)) return undefined;
  return jsonError(
    403,
    'forbidden_origin',
    `Pages from ${origin.slice(0, 200)} may not call this MCP ` +
      `server. Browser clients must be listed in MCP_ALLOWED_ORIGINS.`,
  );
}
