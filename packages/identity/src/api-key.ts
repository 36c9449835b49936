/**
 * @module Static API keys (for MCP clients without OAuth, such as Claude Code), compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * True when `presented` equals `expected`. Both are hashed first, so the comparison takes the same time
 * whatever the inputs' lengths and wherever they differ. An empty `expected` never matches.
 *
 * @example
 * ```ts
 * apiKeyMatches(bearer, await secrets.resolve(config.secrets.mcpApiKey));
 * ```
 */
export function apiKeyMatches(presented: string, expected: string): boolean {
  if (!expected) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}
