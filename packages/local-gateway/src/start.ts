/**
 * @module `npm start` (after build and synth): starts the local system from its settings, prints where it is
 * and how to connect, and stops everything on SIGINT (Ctrl-C), SIGTERM or SIGHUP — or when the process that
 * started it goes away — within a few seconds, exiting 0.
 */
import { readSettings, type LocalSettings } from './config.js';
import { SettingsError } from './errors.js';
import { startLocalSystem, type LocalSystem } from './local-system.js';

/** Longest a stop may take before the process exits anyway (the 5 s promise, with margin). */
const STOP_DEADLINE_MS = 4000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function fail(error: unknown): never {
  console.error(
    error instanceof SettingsError
      ? error.message
      : `Could not start the local system: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(error instanceof SettingsError ? 2 : 1);
}

const settings: LocalSettings = (() => {
  try {
    return readSettings();
  } catch (error) {
    return fail(error);
  }
})();

// Handlers before anything starts: whoever started us may stop us at any moment.
const running: { system?: LocalSystem; stopping?: string } = {};
async function stop(reason: string): Promise<void> {
  if (running.stopping) return;
  running.stopping = reason;
  const local = running.system;
  if (!local) return; // still starting: stopped as soon as it is up
  const started = performance.now();
  setTimeout(() => {
    console.error(`stopping took over ${STOP_DEADLINE_MS / 1000} s; exiting anyway`);
    process.exit(0);
  }, STOP_DEADLINE_MS).unref();
  await local.close();
  console.log(`stopped (${reason}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exit(0);
}
for (const signal of SIGNALS) process.on(signal, () => void stop(signal));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop('the starting process went away');
}, 250).unref();

const startedAt = performance.now();
process.stdout.write('• starting the gateway, the AuthKit stand-in and the functions… ');
const local = await startLocalSystem({
  port: settings.port,
  authPort: settings.authPort,
  dataDir: settings.dataDir,
  stateDir: settings.stateDir,
  autoLoginEmail: settings.autoLoginEmail,
  accessPolicy: settings.accessPolicy,
}).catch((error: unknown) => {
  process.stdout.write('failed\n');
  return fail(error);
});
process.stdout.write(`${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`);
running.system = local;
if (running.stopping) {
  const reason = running.stopping;
  running.stopping = undefined;
  await stop(reason);
}

const autoLogin = settings.autoLoginEmail;
const imported = local.imported ? `\n  Imported    ${local.imported.subject} (the wiki's first commit)` : '';
console.log(`
wikibot is running locally

  Wiki        ${local.url}/Home
  MCP         ${local.mcpUrl}
  AuthKit     ${local.issuer}  (stand-in${autoLogin ? `; signs everyone in as ${autoLogin}, for clients that keep cookies` : '; any email signs in'})
  Data        ${local.dataDir}${imported}
  State       ${local.stateDir}  (keys and secrets${local.stateMovedFrom ? `; moved here from ${local.stateMovedFrom}` : ''})
  MCP key     ${local.mcpApiKey}

Connect an MCP client (docs/connect.md):
  MCP Inspector   npm run inspector -- --transport http --server-url ${local.mcpUrl}   (then switch the server on)
  Claude Code     claude mcp add --transport http wikibot ${local.mcpUrl}
                  or, without OAuth:
                  claude mcp add --transport http wikibot ${local.mcpUrl} --header "Authorization: Bearer ${local.mcpApiKey}"

Ctrl-C stops everything.
`);
