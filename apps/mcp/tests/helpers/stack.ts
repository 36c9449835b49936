/**
 * @module The whole MCP path for e2e tests: the AuthKit stand-in, the app behind a local API Gateway,
 * a real wiki in a temp directory, and SDK clients signed in through OAuth.
 */
import { expect } from '@jest/globals';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { loadConfig } from '@wikibot/auth-config';
import {
  authorizeWithForms,
  startAuthkitStandin,
  type AuthkitStandin,
  type AuthkitStandinOptions,
} from '@wikibot/authkit-standin';
import { createLambdaHandler } from '@wikibot/lambda-http';
import { createApp } from '../../src/index.js';
import { tempDir } from './env.js';
import { startLocalGateway, type LocalGateway } from './gateway.js';
import { TestOAuthProvider } from '@wikibot/authkit-standin/testing';

/** A running stack. */
export interface McpStack {
  readonly gateway: LocalGateway;
  readonly authkit: AuthkitStandin;
  /** The wiki's git directory. */
  readonly wikiDir: string;
  /** Log lines the app wrote. */
  readonly lines: string[];
  /** OAuth sign-in by the SDK client: 401 → discovery → DCR → PKCE → sign-in forms → token → initialize. */
  signIn(email: string, name: string): Promise<{ client: Client; provider: TestOAuthProvider }>;
  /** Calls a tool and joins its text content. */
  call(client: Client, name: string, args?: Record<string, unknown>): Promise<{ text: string; isError: boolean }>;
  close(): Promise<void>;
}

/** Starts a stack whose ACCESS_POLICY is `policy`. */
export async function startMcpStack(policy: object, standin: AuthkitStandinOptions = {}): Promise<McpStack> {
  const gateway = await startLocalGateway();
  const authkit = await startAuthkitStandin({ port: 0, ...standin });
  const wiki = await tempDir('wikibot-mcp-e2e-');
  const lines: string[] = [];
  const clients: Client[] = [];
  const config = loadConfig({
    PUBLIC_ORIGIN: gateway.url,
    AUTHKIT_DOMAIN: authkit.issuer,
    ACCESS_POLICY: JSON.stringify(policy),
    WIKI_DATA_DIR: wiki.dir,
    WIKIBOT_ENV: 'e2e',
    WORKOS_API_KEY: authkit.workosApiKey,
    WORKOS_API_HOSTNAME: authkit.workosApiUrl,
  });
  gateway.use(createLambdaHandler(createApp(config, { log: (line) => lines.push(line) }).fetch));
  const mcpUrl = new URL(`${gateway.url}/mcp`);

  return {
    gateway,
    authkit,
    wikiDir: wiki.dir,
    lines,
    async signIn(email, name) {
      const provider = new TestOAuthProvider();
      const first = new Client({ name: 'wikibot-e2e', version: '1.0.0' });
      await expect(
        first.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider })),
      ).rejects.toThrow(UnauthorizedError);
      const callback = await authorizeWithForms(provider.authorizationUrl!, { email, name });
      const transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
      await transport.finishAuth(callback.searchParams.get('code')!);
      const client = new Client({ name: 'wikibot-e2e', version: '1.0.0' });
      clients.push(client);
      await client.connect(transport);
      return { client, provider };
    },
    async call(client, name, args = {}) {
      const result = (await client.callTool({ name, arguments: args })) as {
        content: { type: string; text: string }[];
        isError?: boolean;
      };
      return { text: result.content.map((c) => c.text).join('\n'), isError: result.isError === true };
    },
    async close() {
      for (const client of clients) await client.close();
      await gateway.close();
      await authkit.close();
      await wiki.remove();
    },
  };
}
