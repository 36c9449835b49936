/**
 * @module Which web origins may call `/mcp` from a browser. The MCP Streamable HTTP transport requires a
 * server to check `Origin` (a page on a foreign or rebound DNS name must not drive it); a request without
 * `Origin` comes from no browser page and is not concerned.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#security-warning
 */
import { ConfigError } from './errors.js';
import { parseOrigin } from './origin.js';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins allowed to call `/mcp` from a browser: the public origin (under each loopback name when it
 * is the local system, which a browser may reach as `localhost` or `127.0.0.1`), then `configured`, a
 * comma-separated list of origins (`MCP_ALLOWED_ORIGINS`, for browser clients such as MCP Inspector).
 * Each listed origin follows the public origin's rules: https, or http on loopback; no path.
 *
 * @example
 * ```ts
 * mcpAllowedOrigins('https://dev.wikibot.io', 'http://localhost:6274');
 * // ['https://dev.wikibot.io', 'http://localhost:6274']
 * mcpAllowedOrigins('http://localhost:8787', undefined);
 * // ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787']
 * ```
 */
export function mcpAllowedOrigins(
  publicOrigin: string,
  configured: string | undefined,
  setting = 'MCP_ALLOWED_ORIGINS',
): string[] {
  const own = new URL(publicOrigin);
  const aliases = LOOPBACK_NAMES.includes(own.hostname)
    ? LOOPBACK_NAMES.map((name) => `${own.protocol}//${name}${own.port ? `:${own.port}` : ''}`)
    : [];
  const origins = [own.origin, ...aliases.filter((origin) => origin !== own.origin)];
  const raw = configured?.trim();
  if (raw) {
    for (const entry of raw.split(',')) {
      const value = entry.trim();
      if (!value) throw new ConfigError(setting, `"${raw}" has an empty entry; list origins separated by commas`);
      const origin = parseOrigin(value, setting).origin;
      if (!origins.includes(origin)) origins.push(origin);
    }
  }
  return origins;
}
