/**
 * @module OAuth discovery documents: this server's protected-resource metadata (RFC 9728), and the
 * authorization server's own metadata forwarded unchanged for clients of the 2025-03-26 MCP revision,
 * which look for it at the MCP server's origin.
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3
 * @see https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization
 */
import type { WikibotConfig } from '@wikibot/auth-config';
import { plainResponse } from '@wikibot/lambda-http';
import { json, jsonError } from '../http/responses.js';

/** RFC 9728 protected-resource metadata for the MCP endpoint. */
export interface ProtectedResourceMetadata {
  readonly resource: string;
  readonly authorization_servers: readonly string[];
  readonly bearer_methods_supported: readonly string[];
  readonly scopes_supported: readonly string[];
  readonly resource_name: string;
}

/**
 * The metadata served at `/.well-known/oauth-protected-resource[/mcp]`.
 *
 * @example
 * ```ts
 * protectedResourceMetadata(loadConfig({ PUBLIC_ORIGIN: 'https://dev.wikibot.io', ... }));
 * // { resource: 'https://dev.wikibot.io/mcp', authorization_servers: ['https://example.authkit.app'], ... }
 * ```
 */
export function protectedResourceMetadata(config: WikibotConfig): ProtectedResourceMetadata {
  return {
    resource: config.resourceUrl,
    authorization_servers: [config.authkit.issuer],
    bearer_methods_supported: ['header'],
    scopes_supported: [...config.scopes],
    resource_name: `wikibot (${config.environment})`,
  };
}

/** Serves the protected-resource metadata; the document is built once. */
export function createProtectedResourceRoute(config: WikibotConfig): () => Response {
  const body = protectedResourceMetadata(config);
  return () => json(200, body, { 'cache-control': 'public, max-age=300' });
}

/** Options of {@link createMetadataForwarder}. */
export interface MetadataForwarderOptions {
  readonly fetch?: typeof globalThis.fetch;
  /** How long a fetched document is served before it is fetched again (default 5 minutes). */
  readonly ttlMs?: number;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

/**
 * Forwards the issuer's metadata documents unchanged, caching each for a bounded time. An upstream
 * failure (unreachable, non-2xx, not a JSON object) answers 502 JSON and is not cached.
 */
export function createMetadataForwarder(
  options: MetadataForwarderOptions = {},
): (upstreamUrl: string) => Promise<Response> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { body: Promise<string>; expires: number }>();

  const load = async (url: string): Promise<string> => {
    const response = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    return text;
  };

  return async (url) => {
    let entry = cache.get(url);
    if (!entry || entry.expires <= now()) {
      entry = { body: load(url), expires: now() + ttlMs };
      cache.set(url, entry);
    }
    try {
      const body = await entry.body;
      return plainResponse(body, {
        status: 200,
        headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
      });
    } catch {
      if (cache.get(url) === entry) cache.delete(url);
      return jsonError(
        502,
        'bad_gateway',
        `The authorization server's metadata could not be fetched from ${url}; try again shortly.`,
      );
    }
  };
}
