/**
 * @module `npm run bench`: measures artifacts, cold starts, warm MCP, wiki views, storage scaling and
 * memory, side by side with their peers, then writes bench/results.json, docs/performance.md and
 * docs/performance-storage.svg and prints the targets table. BENCH_QUICK=1 makes a smoke run of a minute
 * or two; a part that fails is reported and the run goes on. BENCH_RENDER_ONLY=1 measures nothing and
 * re-renders the documents from bench/results.json (after editing bench/analysis.md).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wiki } from '@wikibot/wiki-core';
import { readArtifact, unpackedHandlerModule, WORKSPACE_ROOT, type LambdaName } from './artifacts.js';
import { storageChart } from './chart.js';
import { measureColdOpen } from './cold-open.js';
import { coldTargets, measureColdStarts } from './cold-start.js';
import { handlerEnv } from './handler-env.js';
import { measureHostilePages } from './hostile-bench.js';
import { machineFacts } from './machine.js';
import { sampleTreeMemory, treeMemory } from './process-memory.js';
import { renderConsole, renderMarkdown } from './report.js';
import type { BenchResults } from './results.js';
import { startSdkPeer } from './sdk-peer.js';
import { benchSemantic } from './semantic/run.js';
import { measureScale, STORAGE_OPS } from './storage.js';
import { checkTargets } from './targets.js';
import { startSignedInSystem } from './signed-in-system.js';
import { measureHttp, measureInProcess, mcpEvent, WARM_REQUESTS } from './warm-mcp.js';
import { measureWikiView } from './wiki-load.js';
import { benchUi } from './ui/run.js';

const quick = process.env.BENCH_QUICK === '1';
const plan = quick
  ? {
      hostileRounds: 2,
      coldRuns: 5,
      inProcess: 200,
      loadRounds: 1,
      loadSeconds: 2,
      wikiViews: 20,
      scales: [100, 1000],
      deepCommits: 1000,
      storage: { wiki: 10, writes: 5, git: 5 },
      coldOpen: 1000,
    }
  : {
      hostileRounds: 5,
      coldRuns: 11,
      inProcess: 2000,
      // Five alternated rounds: the tools/list target reads their lower quartile, which three rounds barely have.
      loadRounds: 5,
      loadSeconds: 5,
      wikiViews: 100,
      scales: [100, 1000, 10_000],
      deepCommits: 10_000,
      storage: { wiki: 60, writes: 25, git: 20 },
      coldOpen: 10_000,
    };

const started = performance.now();
const resultsFile = join(WORKSPACE_ROOT, 'bench', 'results.json');
const renderOnly = process.env.BENCH_RENDER_ONLY === '1';
const results: BenchResults = renderOnly
  ? JSON.parse(readFileSync(resultsFile, 'utf8'))
  : { machine: machineFacts(quick), artifacts: [], errors: [] };
if (!renderOnly) {
  await measureEverything();
  results.durationSec = (performance.now() - started) / 1000;
}
const targets = checkTargets(results);
const docs = join(WORKSPACE_ROOT, 'docs');
mkdirSync(docs, { recursive: true });
const chartFile = 'performance-storage.svg';
if (results.storage?.scales.length) writeFileSync(join(docs, chartFile), storageChart(results.storage.scales));
const analysisFile = join(WORKSPACE_ROOT, 'bench', 'analysis.md');
const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : undefined;
if (!renderOnly) writeFileSync(resultsFile, `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
writeFileSync(join(docs, 'performance.md'), renderMarkdown(results, targets, chartFile, analysis));
process.stdout.write(
  `\n${renderConsole(targets)}\n\n${renderOnly ? 're-rendered from' : 'wrote'} bench/results.json, docs/performance.md, docs/${chartFile} in ${(results.durationSec ?? 0).toFixed(0)} s\n`,
);
if (results.errors.length) {
  process.stdout.write(
    `\n${results.errors.length} part(s) failed:\n${results.errors.map((e) => `- ${e.part}: ${e.message.split('\n')[0]}`).join('\n')}\n`,
  );
  process.exitCode = 1;
}

/** Runs every measurement into `results`. */
async function measureEverything(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'wikibot-bench-'));
  const log = (message: string) =>
    process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${message}\n`);

  async function part(name: string, run: () => Promise<void>): Promise<void> {
    log(`${name}…`);
    try {
      await run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.errors.push({ part: name, message });
      log(`${name} FAILED: ${message}`);
    }
  }

  const READ_PAGE = 'Bench/Read Me';
  const READ_CONTENT = `# Read Me\n\nA page the bench reads. ${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(30)}\n\nSee [[Home]].\n`;

  try {
    const modules: Partial<Record<LambdaName, string>> = {};
    await part('artifacts', async () => {
      for (const name of ['mcp', 'wiki'] as const) {
        const artifact = readArtifact(name);
        results.artifacts.push({ name, zipBytes: artifact.zipBytes, bundleBytes: artifact.bundleBytes });
        modules[name] = await unpackedHandlerModule(artifact);
      }
    });

    await part('cold start', async () => {
      const dataDir = join(workDir, 'cold-wiki');
      await Wiki.open({ dir: dataDir }); // initialised before timing: Home exists, as on a running system
      results.coldStart = await measureColdStarts(
        coldTargets({ mcp: modules.mcp!, wiki: modules.wiki! }, dataDir),
        plan.coldRuns,
      );
    });

    await part('warm MCP, wiki and memory', async () => {
      const system = await startSignedInSystem({
        dataDir: join(workDir, 'system', 'wiki'),
        stateDir: join(workDir, 'system'),
      });
      try {
        await system.seed(READ_PAGE, READ_CONTENT);
        await part('warm MCP in-process', async () => {
          const env = handlerEnv({ origin: system.url, issuer: system.issuer, dataDir: system.dataDir });
          const events = {
            'tools/list': mcpEvent(system.url, system.token, WARM_REQUESTS['tools/list']()),
            'tools/call read_note': mcpEvent(
              system.url,
              system.token,
              WARM_REQUESTS['tools/call read_note'](READ_PAGE),
            ),
          };
          results.warm = {
            ...results.warm,
            inProcess: await measureInProcess(modules.mcp!, env, events, plan.inProcess, 100),
          };
        });
        const memory = sampleTreeMemory(system.pid);
        await part('warm MCP over HTTP vs SDK example', async () => {
          const peer = await startSdkPeer();
          try {
            const http = await measureHttp(
              { mcpUrl: system.mcpUrl, token: system.token, page: READ_PAGE, pid: system.pid },
              { mcpUrl: peer.mcpUrl, pid: peer.pid },
              plan.loadRounds,
              plan.loadSeconds,
            );
            results.warm = { ...results.warm, http };
          } finally {
            await peer.close();
          }
        });
        await part('wiki view', async () => {
          results.wiki = await measureWikiView(system.url, READ_PAGE, plan.wikiViews, plan.loadSeconds);
        });
        const sampledPeakMB = memory.stop();
        const tree = treeMemory(system.pid);
        results.memory = { peakMB: tree.peakMB, sampledPeakMB, processes: tree.processes };
      } finally {
        await system.close();
      }
    });

    await part('wiki pages in Chromium (weight, axe)', async () => {
      results.ui = await benchUi(join(workDir, 'ui'));
    });

    await part('hostile pages', async () => {
      results.hostile = await measureHostilePages(plan.hostileRounds);
    });

    await part('storage scaling', async () => {
      results.storage = { scales: [] };
      for (const pages of plan.scales) {
        log(`  storage: ${pages} pages`);
        results.storage.scales.push(await measureScale(join(workDir, 'storage'), pages, 0, plan.storage, STORAGE_OPS));
      }
      log(`  storage: history with ${plan.deepCommits} commits`);
      results.storage.deepHistory = await measureScale(join(workDir, 'storage'), 100, plan.deepCommits, plan.storage, [
        'read',
        'history',
        'changelog',
      ]);
    });

    await part('cold open', async () => {
      log(`  cold open: flat ${plan.coldOpen} pages, ${plan.coldOpen} commits, no cache (fast-import takes minutes)`);
      results.coldOpen = measureColdOpen(workDir, plan.coldOpen, plan.coldOpen);
    });

    await part('semantic search', async () => {
      const pages = plan.scales[plan.scales.length - 1]!;
      results.semantic = await benchSemantic({
        pages,
        rounds: plan.storage.writes,
        log: (m) => log(`  semantic: ${m}`),
      });
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
