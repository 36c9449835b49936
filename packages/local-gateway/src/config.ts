/**
 * @module The local system's configuration: the settings of `npm start`, read from its environment and checked before
 * anything is installed or built: each mistake is reported with the variable to change. Node built-ins only (and `.ts`
 * imports), so Node 22 can run it as it is before the workspace is installed (`src/preflight.ts`).
 */
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { SettingsError } from './errors.ts';
import { DEFAULT_WIKI_DATA_DIR } from './paths.ts';

/** Default ports of the gateway and the AuthKit stand-in. */
export const DEFAULT_PORT = 8787;
export const DEFAULT_AUTH_PORT = 8788;

/** The local access policy: everyone the stand-in signs in may write (a developer's own machine). */
export const LOCAL_ACCESS_POLICY = '{"writers":["*"]}';

/** What `npm start` runs with. */
export interface LocalSettings {
  /** `PORT`: the gateway (wiki and MCP). 0 picks a free port. */
  readonly port: number;
  /** `AUTH_PORT`: the AuthKit stand-in. */
  readonly authPort: number;
  /** `WIKI_DATA_DIR`, absolute: relative values are resolved against where the user ran the command. */
  readonly dataDir: string;
  /** Where the stand-in's keys and the local secrets live: per user, per data directory. */
  readonly stateDir: string;
  /** `AUTH_DEV_AUTO_LOGIN`. */
  readonly autoLoginEmail?: string;
  /** `LOCAL_ACCESS_POLICY` (JSON text). */
  readonly accessPolicy: string;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535) {
    throw new SettingsError(
      `${name}=${raw} is not a port number: use 1-65535, or 0 for any free port (default ${fallback}).`,
    );
  }
  return value;
}

/**
 * The per-user folder for the local system's secrets and the stand-in's state for one data directory:
 * `$XDG_STATE_HOME/wikibot/<name>-<hash>` (default `~/.local/state/…`). Never beside the user's data, never
 * in the source tree.
 */
export function localStateDir(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME?.trim() || join(homedir(), '.local', 'state');
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
  return join(base, 'wikibot', `${basename(resolve(dataDir)) || 'root'}-${key}`);
}

/**
 * Reads and checks the settings. `env.INIT_CWD` (set by npm to where the user ran `npm start`) is the base
 * of a relative `WIKI_DATA_DIR`; without it, the current directory.
 *
 * @example
 * ```ts
 * readSettings({ PORT: '9000', WIKI_DATA_DIR: 'notes', INIT_CWD: '/home/ada' });
 * // { port: 9000, authPort: 8788, dataDir: '/home/ada/notes', stateDir: '/home/ada/.local/state/wikibot/notes-…', … }
 * ```
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  const settingsPort = port(env, 'PORT', DEFAULT_PORT);
  const authPort = port(env, 'AUTH_PORT', DEFAULT_AUTH_PORT);
  if (settingsPort === authPort && settingsPort !== 0) {
    throw new SettingsError(
      `PORT and AUTH_PORT are both ${authPort}: the gateway and the AuthKit stand-in need a port each. ` +
        `Set AUTH_PORT to another port (default ${DEFAULT_AUTH_PORT}), e.g. AUTH_PORT=${authPort + 1}.`,
    );
  }
  const rawDir = env.WIKI_DATA_DIR?.trim();
  const dataDir = rawDir ? resolve(env.INIT_CWD?.trim() || process.cwd(), rawDir) : DEFAULT_WIKI_DATA_DIR;
  const email = env.AUTH_DEV_AUTO_LOGIN?.trim() || undefined;
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new SettingsError(
      `AUTH_DEV_AUTO_LOGIN=${email} is not an email address (e.g. AUTH_DEV_AUTO_LOGIN=you@example.com).`,
    );
  }
  const accessPolicy = env.LOCAL_ACCESS_POLICY?.trim() || LOCAL_ACCESS_POLICY;
  try {
    const parsed: unknown = JSON.parse(accessPolicy);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
  } catch (error) {
    throw new SettingsError(
      `LOCAL_ACCESS_POLICY is not a JSON object (${(error as Error).message}); ` +
        `e.g. LOCAL_ACCESS_POLICY='{"writers":["@example.com"]}'.`,
    );
  }
  return {
    port: settingsPort,
    authPort,
    dataDir,
    stateDir: localStateDir(dataDir, env),
    autoLoginEmail: email,
    accessPolicy,
  };
}
