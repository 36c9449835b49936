/**
 * @module Configuration for tests: a loaded WikibotConfig around a test issuer and a temp wiki.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type WikibotConfig } from '@wikibot/auth-config';

/** The public origin unit tests use (requests need not go to it). */
export const ORIGIN = 'https://wiki.example.com';
export const RESOURCE = `${ORIGIN}/mcp`;
export const PRM_URL = `${ORIGIN}/.well-known/oauth-protected-resource/mcp`;

/** A config whose issuer is `issuer`; `env` overrides any variable. */
export function testConfig(issuer: string, env: Record<string, string | undefined> = {}): WikibotConfig {
  return loadConfig({
    PUBLIC_ORIGIN: ORIGIN,
    AUTHKIT_DOMAIN: issuer,
    ACCESS_POLICY: JSON.stringify({
      writers: ['@example.com'],
      readers: ['@readers.example'],
      contact: 'wiki-admins@example.com',
    }),
    WIKI_DATA_DIR: '/nonexistent/wiki',
    WIKIBOT_ENV: 'test',
    ...env,
  });
}

/** A fresh temporary directory, removed by the returned function. */
export async function tempDir(prefix = 'wikibot-mcp-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
