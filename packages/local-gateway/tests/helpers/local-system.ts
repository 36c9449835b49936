/**
 * Starts the real local system (synthesized dev stack, packaged artifacts, AuthKit stand-in) on random
 * ports with a temporary data directory, and the OAuth steps a client performs against it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizeWithForms } from '@wikibot/authkit-standin';
import { startLocalSystem, type LocalSystem, type LocalSystemOptions } from '../../src/index.js';

export interface TestSystem {
  local: LocalSystem;
  root: string;
  close(): Promise<void>;
}

/** Starts the local system on ports 0 with data under a fresh temporary directory. */
export async function startTestSystem(options: LocalSystemOptions = {}): Promise<TestSystem> {
  const root = await mkdtemp(join(tmpdir(), 'wikibot-e2e-'));
  const local = await startLocalSystem({
    port: 0,
    authPort: 0,
    dataDir: join(root, 'wiki'),
    stateDir: root,
    ...options,
  });
  return {
    local,
    root,
    close: async () => {
      await local.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

const REDIRECT_URI = 'http://127.0.0.1:9/callback';

/**
 * Registers a public client, signs in through the stand-in's forms, and returns an access token for the MCP resource.
 */
export async function mcpAccessToken(local: LocalSystem, user: { email: string; name: string }): Promise<string> {
  const registration = await fetch(`${local.issuer}/oauth2/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'e2e', redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: 'none' }),
  });
  const { client_id: clientId } = (await registration.json()) as { client_id: string };
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(`${local.issuer}/oauth2/authorize`);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile email offline_access',
    resource: local.mcpUrl,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: 's',
  }))
    url.searchParams.set(k, v);
  const callback = await authorizeWithForms(url, user);
  const token = await fetch(`${local.issuer}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: clientId,
      code: callback.searchParams.get('code') ?? '',
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
      resource: local.mcpUrl,
    }),
  });
  return ((await token.json()) as { access_token: string }).access_token;
}

/** A JSON-RPC `initialize` request as an MCP client sends it. */
export function initializeRequest(token?: string): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'wikibot-e2e', version: '1.0.0' },
      },
    }),
  };
}
