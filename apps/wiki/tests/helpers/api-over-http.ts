/**
 * @module A fresh wiki (real git repository in a temp directory) served over real HTTP the way API Gateway
 * reaches the Lambda, with an API key: what otterwiki-api clients (and its own test suite) talk to.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@wikibot/auth-config';
import { Wiki } from '@wikibot/wiki-core';
import { createWikiApp } from '../../src/app.js';
import { serveOverHttp } from './serve.js';

/** A served wiki. */
export interface ApiServer {
  readonly origin: string;
  readonly dir: string;
  close(): Promise<void>;
}

/**
 * Starts a wiki on 127.0.0.1 whose REST API accepts `Authorization: Bearer <apiKey>`; reads need it unless `public`.
 */
export async function startApiServer(
  apiKey: string,
  readAccess: 'public' | 'signed-in' = 'signed-in',
): Promise<ApiServer> {
  const dir = await mkdtemp(join(tmpdir(), 'wikibot-api-http-'));
  const served = await serveOverHttp();
  const config = loadConfig({
    PUBLIC_ORIGIN: served.origin,
    // Never contacted: only the API key is used, and a key is not a JWT.
    AUTHKIT_DOMAIN: 'https://authkit.invalid',
    ACCESS_POLICY: JSON.stringify({ writers: ['@example.com'] }),
    WIKI_DATA_DIR: dir,
    WIKI_READ_ACCESS: readAccess,
    MCP_API_KEY: apiKey,
  });
  const wiki = await Wiki.open({ dir, durable: false });
  served.setApp(createWikiApp({ config, wiki, log: () => undefined }).fetch);
  return {
    origin: served.origin,
    dir,
    async close() {
      await served.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
