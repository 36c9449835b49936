import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { authorizeWithForms } from '@wikibot/authkit-standin';
import { startTestSystem, type TestSystem } from '../helpers/local-system.js';
import { TestOAuthProvider } from '@wikibot/authkit-standin/testing';

const USER = { email: 'grace@example.com', name: 'Grace Hopper' };
const PAGE = 'E2E/Session Note';

describe('an MCP client session with OAuth through the local system', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  it('discovers OAuth from the 401, registers, signs in, writes a page, and the page is in the wiki and in git', async () => {
    // Prepare: the first connection ends at the authorization redirect
    const { local } = system;
    const provider = new TestOAuthProvider();
    const first = new StreamableHTTPClientTransport(new URL(local.mcpUrl), { authProvider: provider });
    await expect(new Client({ name: 'wikibot-e2e', version: '1.0.0' }).connect(first)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    const authorizationUrl = provider.authorizationUrl as URL;
    expect(authorizationUrl.origin).toBe(local.issuer);
    expect(authorizationUrl.searchParams.get('resource')).toBe(local.mcpUrl);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(provider.clientInformation()?.client_id).toMatch(/^client_/);

    // Act: sign in and consent through the HTML forms, finish, reconnect, write
    const callback = await authorizeWithForms(authorizationUrl, USER);
    await first.finishAuth(callback.searchParams.get('code') as string);
    const client = new Client({ name: 'wikibot-e2e', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(local.mcpUrl), { authProvider: provider }));
    const tools = await client.listTools();
    const written = await client.callTool({
      name: 'write_note',
      arguments: {
        path: PAGE,
        content: '# Session Note\n\nWritten by the **e2e** MCP session.',
        commit_message: 'Add session note',
      },
    });
    await client.close();

    // Assess: the tool worked, and the page is visible every way the wiki offers
    expect(tools.tools.map((t) => t.name)).toEqual(
      expect.arrayContaining(['read_note', 'write_note', 'edit_note', 'search_notes']),
    );
    expect(written.isError).toBeFalsy();
    const html = await fetch(`${local.url}/E2E/Session%20Note`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/<strong>e2e<\/strong>/);
    const api = await fetch(`${local.url}/api/v1/pages/E2E/Session%20Note`);
    expect(api.status).toBe(200);
    expect(JSON.stringify(await api.json())).toContain('Written by the **e2e** MCP session.');
    const log = execFileSync('git', ['log', '-1', '--format=%an <%ae>%n%s'], { cwd: local.dataDir, encoding: 'utf8' });
    expect(log.split('\n')[0]).toBe('Grace Hopper <grace@example.com>');
    expect(log).toContain('Add session note');
  });
});
