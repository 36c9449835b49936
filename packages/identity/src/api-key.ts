/**
 * @module Static API keys (for MCP clients without OAuth, such as Claude Code), compared in constant time.
 * `node:crypto` is imported on the first comparison: loading it costs a cold start that serves only discovery
 * documents or OAuth tokens (which jose checks with Web Crypto) a few milliseconds for nothing.
 */

/**
 * True when `presented` equals `expected`. Both are hashed first, so the comparison takes the same time
 * whatever the inputs' lengths and wherever they differ. An empty `expected` never matches.
 *
 * @example
 * ```ts
 * await apiKeyMatches(bearer, await secrets.resolve(config.secrets.mcpApiKey));
 * ```
 */
export async function apiKeyMatches(presented: string, expected: string): Promise<boolean> {
  if (!expected) return false;
  const { createHash, timingSafeEqual } = await import('node:crypto');
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
