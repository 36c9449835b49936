/**
 * @module Whether the ports `npm start` needs are free, and if not, who holds them: a wikibot already
 * running (it answers `/-/healthz` and the MCP metadata, or the stand-in's OpenID configuration) or another
 * program. Node built-ins only (and `.ts` imports), so it runs before the workspace is installed.
 */
import { createServer } from 'node:net';
import { SettingsError } from './errors.ts';
import type { LocalSettings } from './config.ts';

/** The interface both servers listen on. */
const HOST = '127.0.0.1';

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(false) : reject(error),
    );
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

async function getJson(url: string): Promise<Record<string, unknown> | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return undefined;
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** What answers on `port`: `gateway` or `stand-in` of a running wikibot, or undefined. */
export async function identifyWikibot(port: number): Promise<'gateway' | 'stand-in' | undefined> {
  const base = `http://${HOST}:${port}`;
  const [health, resource, issuer] = await Promise.all([
    getJson(`${base}/-/healthz`),
    getJson(`${base}/.well-known/oauth-protected-resource/mcp`),
    getJson(`${base}/.well-known/openid-configuration`),
  ]);
  if (health?.status === 'ok' && String(resource?.resource ?? '').endsWith('/mcp')) return 'gateway';
  if (issuer?.issuer === base && String(issuer.registration_endpoint ?? '').endsWith('/oauth2/register'))
    return 'stand-in';
  return undefined;
}

/** The message for a port that is taken, naming the variable to change. */
export async function portConflictMessage(variable: 'PORT' | 'AUTH_PORT', port: number): Promise<string> {
  const other = variable === 'PORT' ? 'AUTH_PORT' : 'PORT';
  const who = await identifyWikibot(port);
  const second = `start another one with different ports, e.g. PORT=${port + 10} AUTH_PORT=${port + 11} npm start`;
  if (who) {
    return (
      `${variable} ${port} is taken by a wikibot that is already running (its ${who} answers on http://localhost:${port}): ` +
      `use that one, stop it (Ctrl-C where it runs), or ${second}.`
    );
  }
  return (
    `${variable} ${port} is in use by another program (not wikibot): stop it, or set ${variable} ` +
    `to a free port (${other} too if needed), e.g. ${variable}=${port + 10} npm start.`
  );
}

/** Throws {@link SettingsError} naming the variable when the gateway's or the stand-in's port is taken. */
export async function checkPorts(settings: Pick<LocalSettings, 'port' | 'authPort'>): Promise<void> {
  for (const [variable, port] of [
    ['PORT', settings.port],
    ['AUTH_PORT', settings.authPort],
  ] as const) {
    if (port !== 0 && !(await isFree(port))) throw new SettingsError(await portConflictMessage(variable, port));
  }
}
