/**
 * @module Semantic search speed and size at scale: a 10,000-page wiki (the storage bench's fixture) with a vector
 * store of 512-dimension vectors. The store is built by wiki-core's own upkeep, but with synthesized vectors
 * (feature-hashed words under the Titan provider's id, see hashed-words.ts): embedding 10,000 pages with the local
 * model would take hours here. Search latency excludes the query's embedding (the hashed one is free, so the figure is
 * the engine's: scoring, snippets); the model's query latency is measured apart (quality.ts). Also: the first search
 * in a fresh process, the store's size, peak RSS, and write latency without a model and with embedding upkeep by the
 * production Titan client → stand-in process (which then embeds only the written pages, as in production).
 */
import { join } from 'node:path';
import { loadEmbeddingsConfig } from '@wikibot/auth-config';
import { createTitanEmbeddings } from '@wikibot/bedrock';
import { Wiki } from '@wikibot/wiki-core';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildFixture } from '../repo-fixture.js';
import { percentile } from '../stats.js';
import { HashedWords } from './hashed-words.js';
import type { StandinProcess } from './standin-process.js';

const COLD_CHILD = fileURLToPath(new URL('./cold-search-child.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

export interface SpeedResult {
  readonly pages: number;
  readonly storeBytes: number;
  readonly buildSec: number;
  /** A fresh process: loading wiki-core, opening the wiki, and its first semantic search (store load included). */
  readonly coldProcess: {
    readonly loadMs: number;
    readonly openMs: number;
    readonly firstSearchMs: number;
    readonly peakRssMb: number;
  };
  readonly warmSearchMs: readonly number[];
  /** CPU time (user + system) of the same searches: what they cost, however busy the machine is. */
  readonly warmSearchCpuMs: readonly number[];
  /** Peak RSS of the Bedrock stand-in process with its model loaded (it ran under tsx). */
  readonly standinPeakRssMb: number;
  readonly writeMs: { readonly without: readonly number[]; readonly withUpkeep: readonly number[] };
}

/** Measures at `pages` pages in `workDir`. */
export async function measureSpeed(
  workDir: string,
  pages: number,
  standin: StandinProcess,
  rounds: number,
  log: (message: string) => void = () => undefined,
): Promise<SpeedResult> {
  const lap = stopwatch(log);
  const fixture = buildFixture(join(workDir, `semantic-${pages}`), pages);
  lap(`fixture of ${pages} pages built`);
  const words = fixture.vocabulary.slice(0, 200);
  const query = (i: number) => `${words[(i * 7) % words.length]} ${words[(i * 13 + 5) % words.length]} notes`;
  const config = loadEmbeddingsConfig({ BEDROCK_REGION: standin.region, BEDROCK_ENDPOINT: standin.url })!;
  const titan = createTitanEmbeddings({
    config,
    aws: { region: standin.region, accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
  });

  // The store, built by wiki-core's upkeep from synthesized vectors under Titan's id (see hashed-words.ts).
  const started = performance.now();
  const builder = await Wiki.open({ dir: fixture.dir, embeddings: HashedWords.as(titan), durable: false });
  await builder.semanticSearch('warm up'); // the build started at open; this answers lexically meanwhile
  await builder.flush();
  const buildSec = (performance.now() - started) / 1000;
  const storeBytes = statSync(join(fixture.dir, '.git', 'wikibot', 'vectors-v1.bin')).size;
  lap(`vector store built (${(storeBytes / 1048576).toFixed(1)} MB)`);

  const coldArgs = [COLD_CHILD, fixture.dir, titan.id, String(titan.dimensions), query(0)];
  const cold = JSON.parse(
    execFileSync(process.execPath, ['--import', TSX, ...coldArgs], { encoding: 'utf8' }),
  ) as SpeedResult['coldProcess'] & { mode: string };
  if (cold.mode !== 'semantic') throw new Error(`the fresh process's search answered ${cold.mode}`);
  const warmSearchMs: number[] = [];
  const warmSearchCpuMs: number[] = [];
  for (let i = 0; i < rounds * 2; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const found = await builder.semanticSearch(query(i + 1));
    warmSearchMs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    warmSearchCpuMs.push((used.user + used.system) / 1000);
    if (found.mode !== 'semantic') throw new Error(`warm search answered ${found.mode}: ${found.note}`);
  }
  lap('cold and warm searches done');

  // Writes: the same wiki without a model, and with the production Titan client on the stand-in process.
  const plain = await Wiki.open({ dir: fixture.dir });
  const upkept = await Wiki.open({ dir: fixture.dir, embeddings: titan });
  await upkept.semanticSearch(query(0)); // loads the store: upkeep then embeds only the pages written
  const author = { name: 'Bench', email: 'bench@example.com' };
  const writeMs = { without: [] as number[], withUpkeep: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    // Interleaved, so machine noise falls on both sides alike.
    for (const [side, wiki, into] of [
      ['plain', plain, writeMs.without],
      ['upkept', upkept, writeMs.withUpkeep],
    ] as const) {
      const page = fixture.pages[(i * 37 + (side === 'plain' ? 0 : 11)) % fixture.pages.length]!;
      const t = performance.now();
      await wiki.writePage(
        page.path,
        `# Rewritten ${i}\n\nThe release checklist was revised in round ${i} (${side}).\n`,
        { author },
      );
      into.push(performance.now() - t);
    }
  }
  await upkept.flush();
  lap('writes done');
  const { loadMs, openMs, firstSearchMs, peakRssMb } = cold;
  const coldProcess = { loadMs, openMs, firstSearchMs, peakRssMb };
  const standinPeakRssMb = standin.peakRssMb();
  return { pages, storeBytes, buildSec, coldProcess, warmSearchMs, warmSearchCpuMs, standinPeakRssMb, writeMs };
}

/** Logs each phase with the seconds since the previous one. */
function stopwatch(log: (message: string) => void): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    log(`${phase} (${((now - last) / 1000).toFixed(1)} s)`);
    last = now;
  };
}

/** The speed table as text. */
export function renderSpeed(s: SpeedResult): string {
  const p = (xs: readonly number[], q: number) => `${percentile(xs, q).toFixed(1)} ms`;
  const slow = percentile(s.writeMs.withUpkeep, 50) / percentile(s.writeMs.without, 50) - 1;
  const c = s.coldProcess;
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)} %`;
  const store = `512-d int8 store ${(s.storeBytes / 1048576).toFixed(1)} MB of synthesized vectors`;
  const upkeep = 'write with embedding upkeep (Titan client → stand-in process)';
  return [
    `Semantic search at ${s.pages.toLocaleString('en')} pages (${store}, built in ${s.buildSec.toFixed(0)} s):`,
    `| measure | p50 | p95 | target |`,
    `| --- | --- | --- | --- |`,
    `| search, warm, query embedding excluded | ${p(s.warmSearchMs, 50)} | ${p(s.warmSearchMs, 95)} | p50 ≤ 50 ms |`,
    `| search, warm: CPU time of the process | ${p(s.warmSearchCpuMs, 50)} | ${p(s.warmSearchCpuMs, 95)} | |`,
    `| fresh process: first search (store load included) | ${c.firstSearchMs.toFixed(0)} ms | | reported |`,
    `| fresh process: load wiki-core (tsx) + open | ${c.loadMs.toFixed(0)} + ${c.openMs.toFixed(0)} ms | | |`,
    `| write without a model | ${p(s.writeMs.without, 50)} | ${p(s.writeMs.without, 95)} | |`,
    `| ${upkeep} | ${p(s.writeMs.withUpkeep, 50)} | ${p(s.writeMs.withUpkeep, 95)} | ≤ +20 % (${pct(slow)}) |`,
    `Peak RSS: a fresh process after its first search ${c.peakRssMb.toFixed(0)} MB; ` +
      `the Bedrock stand-in with its model loaded ${s.standinPeakRssMb.toFixed(0)} MB`,
  ].join('\n');
}
