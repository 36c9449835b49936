/**
 * @module Tools the workspace runs under (Node.js 22, pnpm) installed from the npm registry with the
 * machine's own npm into a per-user cache outside the source tree, once per version: the registry's
 * integrity check applies, and a half-finished install is never seen (staged, verified, then renamed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** `$XDG_CACHE_HOME/wikibot/tools`, else `~/.cache/wikibot/tools`. */
export function toolCacheDir(env = process.env) {
  const base = env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : join(tmpdir(), 'wikibot-cache'));
  return join(base, 'wikibot', 'tools');
}

/**
 * The install folder of `name@version` (its files under `node_modules/<name>`), installing it first when
 * absent. `verify(dir)` must return an error message or null; a tool that fails it is not kept.
 *
 * @example
 * ```js
 * const dir = ensureTool('pnpm', '10.20.0', (d) => null); // ~/.cache/wikibot/tools/pnpm@10.20.0
 * ```
 */
export function ensureTool(name, version, verify, env = process.env) {
  const dir = join(toolCacheDir(env), `${name}@${version}`);
  if (existsSync(dir) && verify(dir) === null) return { dir, installed: false };
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const npm = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      staging,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `${name}@${version}`,
    ],
    { encoding: 'utf8', env: withoutNpmConfig(env) },
  );
  if (npm.error || npm.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`could not install ${name}@${version} from the npm registry:\n${npm.error?.message ?? npm.stderr}`);
  }
  const problem = verify(staging);
  if (problem !== null) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`${name}@${version} from the npm registry does not work here: ${problem}`);
  }
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(staging, dir);
  } catch (error) {
    // Another start installed it at the same moment; theirs is as good as ours.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
  return { dir, installed: true };
}

/** npm passes its own settings down as npm_config_*; a nested npm or pnpm would take some as its own. */
export function withoutNpmConfig(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('npm_')));
}
