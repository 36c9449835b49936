/**
 * @module `npm start` (after build and synth): starts the local system from environment variables,
 * prints where it is and how to connect, and stops everything on Ctrl-C or SIGTERM.
 * The only module of the package that reads `process.env`.
 */
import { startLocalSystem, LOCAL_ACCESS_POLICY } from './local-system.js';
import { DEFAULT_WIKI_DATA_DIR } from './paths.js';

function port(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name}=${raw} is not a port number`);
    process.exit(2);
  }
  return value;
}

const local = await startLocalSystem({
  port: port('PORT', 8787),
  authPort: port('AUTH_PORT', 8788),
  dataDir: process.env.WIKI_DATA_DIR?.trim() || DEFAULT_WIKI_DATA_DIR,
  autoLoginEmail: process.env.AUTH_DEV_AUTO_LOGIN?.trim() || undefined,
  accessPolicy: process.env.LOCAL_ACCESS_POLICY?.trim() || LOCAL_ACCESS_POLICY,
}).catch((error: unknown) => {
  console.error(`Could not start the local system: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

// Signal handlers before the banner: whoever reads it may stop us at once.
let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await local.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

const autoLogin = process.env.AUTH_DEV_AUTO_LOGIN?.trim();
console.log(`
wikibot is running locally

  Wiki        ${local.url}/
  MCP         ${local.mcpUrl}
  AuthKit     ${local.issuer}  (stand-in${autoLogin ? `; signs everyone in as ${autoLogin}` : '; any email signs in'})
  Data        ${local.dataDir}

Connect an MCP client:
  MCP Inspector   npx @modelcontextprotocol/inspector
                  Transport: Streamable HTTP, URL: ${local.mcpUrl} (OAuth: sign in on the stand-in's page)
  Claude Code     claude mcp add --transport http wikibot ${local.mcpUrl}
                  or, without OAuth:
                  claude mcp add --transport http wikibot ${local.mcpUrl} --header "Authorization: Bearer ${local.mcpApiKey}"

Ctrl-C stops everything.
`);
