/**
 * @module A real wiki app on a fresh repository, served over real HTTP on 127.0.0.1 with its public origin set to
 * that address: what the browser tests drive.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@wikibot/auth-config';
import { Wiki, type EmbeddingProvider } from '@wikibot/wiki-core';
import { createWikiApp } from '../../src/app.js';
import { serveOverHttp } from './serve.js';

export interface ServedWiki {
  readonly origin: string;
  readonly wiki: Wiki;
  close(): Promise<void>;
}

/**
 * Starts the server; `env` adds to a minimal configuration (AuthKit domain, a writers policy); `embeddings` is the
 * model semantic search uses (with BEDROCK_* in `env`, as the handler opens the wiki).
 */
export async function serveWiki(
  env: Record<string, string> = {},
  options: { embeddings?: EmbeddingProvider } = {},
): Promise<ServedWiki> {
  const dir = await mkdtemp(join(tmpdir(), 'wikibot-served-'));
  const served = await serveOverHttp();
  const wiki = await Wiki.open({ dir, durable: false, embeddings: options.embeddings });
  const config = loadConfig({
    PUBLIC_ORIGIN: served.origin,
    AUTHKIT_DOMAIN: 'https://authkit.example.com',
    ACCESS_POLICY: JSON.stringify({ writers: ['@example.com'] }),
    WIKI_DATA_DIR: dir,
    ...env,
  });
  served.setApp(createWikiApp({ config, wiki, log: () => undefined }).fetch);
  return {
    origin: served.origin,
    wiki,
    async close() {
      await served.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
