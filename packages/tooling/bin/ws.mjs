#!/usr/bin/env node
/**
 * Entry point of the root npm scripts. A fresh clone has only Node.js (20 or later) and npm, so this first
 * makes sure the command runs on Node 22 — Lambda's runtime — (from the npm registry when the machine has
 * another), installs the workspace with a pinned pnpm, and then hands the command to turbo or to the package
 * that owns it, printing one line per step with its time.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forwardStopSignals, runChild, stopRequested } from '../lib/children.mjs';
import { ensureNode22, isUsableNode, nodePackageName, NODE_VERSION } from '../lib/node-runtime.mjs';
import { note, step, StepFailed } from '../lib/progress.mjs';
import { ensureTool, withoutNpmConfig } from '../lib/tool-cache.mjs';

const PNPM_VERSION = '10.20.0';
/** MCP Inspector pinned to a release whose CLI and UI docs/connect.md describes (it needs Node >= 22.19). */
const INSPECTOR_VERSION = '2.12.0';
const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..', '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const name = process.argv[2];
const reexecuted = process.env.WIKIBOT_WS_NODE === process.versions.node;

const env = {
  ...withoutNpmConfig(process.env),
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  COREPACK_ENABLE_STRICT: '0',
  // Relative settings (WIKI_DATA_DIR) mean relative to where the user ran the command; npm sets INIT_CWD.
  INIT_CWD: process.env.INIT_CWD || process.cwd(),
};

function prependPath(dir) {
  env.PATH = `${dir}${delimiter}${env.PATH ?? ''}`;
}

/** Runs a step's tool; a failure shows the tool's output once and ends the command with its status. */
async function run(command, args, options = {}) {
  const { status, output, stopped } = await runChild(command, args, { cwd: root, env, ...options });
  // Stopped mid-step (Ctrl-C during the build): no further step runs.
  if (stopped) throw new StepFailed(`stopped (${stopped})`, 0);
  if (status !== 0) throw new StepFailed(`${command} ${args.join(' ')} exited with ${status}`, status, output);
  return output;
}

/** Re-runs this command under Node 22 when the machine's Node is another version; returns when already on it. */
async function onNode22() {
  if (isUsableNode(process.versions.node)) return;
  const label = `Node ${NODE_VERSION}, Lambda's runtime (this machine has ${process.versions.node}): ${nodePackageName()} from the npm registry`;
  const node = await step(label, async () => ensureNode22(env));
  prependPath(dirname(node.execPath));
  env.WIKIBOT_WS_NODE = node.version;
  const { status } = await runChild(node.execPath, [self, ...process.argv.slice(2)], { cwd: process.cwd(), env });
  process.exit(status);
}

async function install() {
  const pnpm = ensureTool('pnpm', PNPM_VERSION, () => null, env);
  prependPath(join(pnpm.dir, 'node_modules', '.bin'));
  const label = existsSync(join(root, 'node_modules', '.modules.yaml'))
    ? 'checking dependencies'
    : 'installing dependencies (first run)';
  // optimistic-repeat-install: an up-to-date workspace is recognised in ~2 s instead of ~9 s.
  const args = [
    'install',
    '--frozen-lockfile',
    '--prefer-offline',
    '--config.optimistic-repeat-install=true',
    '--reporter=append-only',
  ];
  await step(`${label} (pnpm ${PNPM_VERSION})`, () => run('pnpm', args, { quiet: true }));
}

const turbo = (tasks, extra = []) =>
  run(bin('turbo'), ['run', ...tasks, '--concurrency=2', '--output-logs=errors-only', ...extra], { quiet: true });

async function buildAndSynth() {
  await step('building the Lambda zips and synthesizing the dev stack (turbo build synth)', () =>
    turbo(['build', 'synth']),
  );
}

/** Prettier's verdict on the whole repository; `npm run format` fixes what it names. */
const checkFormatting = () =>
  step('checking formatting (prettier --check .; npm run format fixes it)', () =>
    run(bin('prettier'), ['--check', '--log-level=warn', '.'], { quiet: true }),
  );

const commands = {
  build: async () => {
    await install();
    await step('building (turbo build)', () => turbo(['build']));
    printArtifacts();
  },
  synth: async () => {
    await install();
    await step('synthesizing (turbo synth)', () => turbo(['synth']));
  },
  lint: async () => {
    await install();
    await checkFormatting();
    await step('linting and typechecking (turbo lint typecheck)', () => turbo(['lint', 'typecheck']));
  },
  format: async () => {
    await install();
    await step('formatting (prettier --write .)', () =>
      run(bin('prettier'), ['--write', '--log-level=warn', '.'], { quiet: true }),
    );
  },
  test: async () => {
    await install();
    await checkFormatting();
    rmSync(join(root, '.test-results'), { recursive: true, force: true });
    note('• linting, typechecking and testing every package (turbo lint typecheck test)');
    const { status } = await runChild(
      bin('turbo'),
      ['run', 'lint', 'typecheck', 'test', '--concurrency=1', '--continue', '--output-logs=full'],
      { cwd: root, env },
    );
    summarize();
    if (status !== 0) throw new StepFailed('tests failed', status);
  },
  start: async () => {
    // Settings first: a wrong port is reported before any install or build. The check has no dependencies,
    // so Node 22 runs its TypeScript as it is.
    const gateway = join(root, 'packages', 'local-gateway');
    const settings = await step('checking the settings', () =>
      run(process.execPath, [join(gateway, 'src', 'preflight.ts')], { quiet: true }),
    );
    note(settings.trimEnd());
    await install();
    await buildAndSynth();
    await runChild(process.execPath, ['--import', 'tsx', join('src', 'start.ts')], { cwd: gateway, env }).then(
      ({ status }) => {
        if (status !== 0) throw new StepFailed('the local system stopped', status);
      },
    );
  },
  inspector: async () => {
    // Installed like the other tools and run directly (not through npx, whose `sh -c` would not pass signals on).
    const name = '@modelcontextprotocol/inspector';
    const launcher = (dir) => {
      const pkg = join(dir, 'node_modules', ...name.split('/'));
      const manifest =
        existsSync(join(pkg, 'package.json')) && JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
      return manifest?.bin?.inspector ? join(pkg, manifest.bin.inspector) : null;
    };
    const tool = await step(`MCP Inspector ${INSPECTOR_VERSION}`, async () =>
      ensureTool(name, INSPECTOR_VERSION, (dir) => (launcher(dir) ? null : 'it has no inspector launcher'), env),
    );
    const { status } = await runChild(process.execPath, [launcher(tool.dir), ...process.argv.slice(3)], {
      cwd: env.INIT_CWD,
      env,
    });
    if (status !== 0) throw new StepFailed('MCP Inspector exited', status);
  },
  bench: async () => {
    await install();
    await buildAndSynth();
    await run('pnpm', ['run', 'bench'], { cwd: join(root, 'bench') });
  },
  screenshots: async () => {
    await install();
    await buildAndSynth();
    await run('pnpm', ['run', 'screenshots'], { cwd: join(root, 'bench') });
  },
  soak: async () => {
    await install();
    await buildAndSynth();
    await run('pnpm', ['run', 'soak'], { cwd: join(root, 'bench') });
  },
  // `npm run wiki -- index <dir>`: wiki-core's offline maintenance; a relative <dir> is the caller's.
  wiki: async () => {
    await install();
    env.WIKI_CLI_CWD = env.INIT_CWD;
    await run('pnpm', ['run', 'wiki', ...process.argv.slice(3)], { cwd: join(root, 'packages', 'wiki-core') });
  },
};

/** One line per Lambda zip the build wrote: its size and content hash. */
function printArtifacts() {
  for (const app of readdirSync(join(root, 'apps')).sort()) {
    const file = join(root, 'apps', app, 'dist', 'artifact.json');
    if (!existsSync(file)) continue;
    const artifact = JSON.parse(readFileSync(file, 'utf8'));
    note(`  apps/${app}/dist/${artifact.zip}  ${(artifact.zipBytes / 1024).toFixed(1)} KiB  sha256=${artifact.sha256}`);
  }
}

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

if (!commands[name]) {
  console.error(`usage: ws.mjs <${Object.keys(commands).join('|')}>`);
  process.exit(2);
}
if (!existsSync(join(root, 'package.json'))) throw new Error(`workspace root not found at ${root}`);
forwardStopSignals();
if (!reexecuted) note(`wikibot ${name}`);
try {
  await onNode22();
  await commands[name]();
} catch (error) {
  if (stopRequested()) process.exit(0);
  if (!(error instanceof StepFailed)) throw error;
  if (error.output) process.stderr.write(error.output.endsWith('\n') ? error.output : `${error.output}\n`);
  process.exit(error.status);
}
if (stopRequested()) note(`stopped (${stopRequested()})`);
process.exit(0);
