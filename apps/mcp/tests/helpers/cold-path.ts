/**
 * A fresh process's first request, for the cold-path test:
 * `tsx tests/helpers/cold-path.ts <prm|initialize|tool> <wikiDir>`. Exits 0 when the request got a 200.
 */
import { loadConfig } from '@wikibot/auth-config';
import { createApp } from '../../src/app.js';

const [kind = 'prm', dataDir = '/nonexistent'] = process.argv.slice(2);
const app = createApp(
  loadConfig({
    PUBLIC_ORIGIN: 'https://wiki.example.com',
    AUTHKIT_DOMAIN: 'https://example.authkit.app',
    ACCESS_POLICY: '{"writers":["@example.com"]}',
    WIKI_DATA_DIR: dataDir,
    MCP_API_KEY: 'cold-path-key',
  }),
  { log: () => {} },
);
const rpc = (method: string, params: unknown): Request =>
  new Request('https://wiki.example.com/mcp', {
    method: 'POST',
    headers: {
      authorization: 'Bearer cold-path-key',
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
const request =
  kind === 'prm'
    ? new Request('https://wiki.example.com/.well-known/oauth-protected-resource/mcp')
    : kind === 'initialize'
      ? rpc('initialize', {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'cold', version: '1' },
        })
      : rpc('tools/call', { name: 'list_notes', arguments: {} });
const response = await app.fetch(request);
process.exitCode = response.status === 200 ? 0 : 1;
