#!/usr/bin/env node
/**
 * Entry point of the root npm scripts. A fresh clone has only Node.js and npm, so this installs the
 * workspace with a pinned pnpm (through npx, not corepack, whose signature check fails on some
 * registries) and then hands the command to turbo or to the package that owns it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM = 'pnpm@10.20.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', COREPACK_ENABLE_STRICT: '0' };
// npm passes its own config down as npm_config_*; pnpm would read some of it as its own.
for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpm(...args) {
  return run('npx', ['--yes', PNPM, ...args]);
}

function must(status) {
  if (status !== 0) process.exit(status);
}

function install() {
  must(pnpm('install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'));
}

function turbo(...args) {
  return pnpm('exec', 'turbo', 'run', ...args, '--concurrency=2', '--output-logs=errors-only');
}

const commands = {
  build: () => must(turbo('build')),
  synth: () => must(turbo('synth')),
  lint: () => must(turbo('lint', 'typecheck')),
  test: () => {
    rmSync(join(root, '.test-results'), { recursive: true, force: true });
    const status = pnpm('exec', 'turbo', 'run', 'lint', 'typecheck', 'test', '--concurrency=1', '--output-logs=full');
    summarize();
    must(status);
  },
  start: () => {
    must(turbo('build', 'synth'));
    must(pnpm('--filter', '@wikibot/local-gateway', 'run', 'start'));
  },
  bench: () => {
    must(turbo('build', 'synth'));
    must(pnpm('--filter', '@wikibot/bench', 'run', 'bench'));
  },
  soak: () => {
    must(turbo('build', 'synth'));
    must(pnpm('--filter', '@wikibot/bench', 'run', 'soak'));
  },
  // `npm run wiki -- index <dir>`: wiki-core's offline maintenance; a relative <dir> is the caller's.
  wiki: () => {
    env.WIKI_CLI_CWD = process.env.INIT_CWD ?? process.cwd();
    must(pnpm('--filter', '@wikibot/wiki-core', 'run', 'wiki', ...process.argv.slice(3)));
  },
};

/** Closes `npm test` with the workspace's totals and every skipped test, by name (which says why). */
function summarize() {
  const dir = join(root, '.test-results');
  if (!existsSync(dir)) return;
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const skipped = [];
  for (const file of readdirSync(dir).sort()) {
    const r = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped;
    for (const t of r.skippedTests) skipped.push(`${r.package}: ${t}`);
  }
  console.log('');
  for (const s of skipped) console.log(`skipped: ${s}`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

const name = process.argv[2];
if (!commands[name]) {
  console.error(`usage: ws.mjs <${Object.keys(commands).join('|')}>`);
  process.exit(2);
}
if (!existsSync(join(root, 'package.json'))) throw new Error(`workspace root not found at ${root}`);
install();
commands[name]();
