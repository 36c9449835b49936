/**
 * @module Semantic search speed and size at scale: a 10,000-page wiki (the storage bench's fixture) with a vector
 * store of 512-dimension vectors. Search latency excludes the query's embedding (a feature-hashed embedder stands
 * for the model, so the figure is the engine's: load, scoring, snippets); the model's query latency is measured apart
 * (quality.ts). Also: the first search after a cold open, the store's size, the process's peak RSS, and write latency
 * with and without embedding upkeep (Titan client → stand-in in another process).
 */
import { join } from 'node:path';
import { loadEmbeddingsConfig } from '@wikibot/auth-config';
import { createTitanEmbeddings } from '@wikibot/bedrock';
import { Wiki, type EmbeddingProvider } from '@wikibot/wiki-core';
import { readFileSync, statSync } from 'node:fs';
import { buildFixture } from '../repo-fixture.js';
import { percentile } from '../stats.js';
import type { StandinProcess } from './standin-process.js';

/** Feature-hashed bag of words at 512 dimensions: free to compute, so timings are the engine's alone. */
export class HashedWords implements EmbeddingProvider {
  readonly id = 'bench/hashed-words-512';
  readonly dimensions = 512;
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => {
      const v = new Float32Array(512);
      for (const w of text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []) {
        let h = 2166136261;
        for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
        v[(h >>> 0) % 512]! += 1;
      }
      return v;
    });
  }
}

export interface SpeedResult {
  readonly pages: number;
  readonly storeBytes: number;
  readonly buildSec: number;
  readonly coldFirstSearchMs: number;
  readonly warmSearchMs: readonly number[];
  readonly peakRssMb: number;
  readonly writeMs: { readonly without: readonly number[]; readonly withUpkeep: readonly number[] };
}

function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.memoryUsage().rss / 1048576;
}

/** Measures at `pages` pages in `workDir`. */
export async function measureSpeed(
  workDir: string,
  pages: number,
  standin: StandinProcess,
  rounds: number,
): Promise<SpeedResult> {
  const fixture = buildFixture(join(workDir, `semantic-${pages}`), pages);
  const words = fixture.vocabulary.slice(0, 200);
  const query = (i: number) => `${words[(i * 7) % words.length]} ${words[(i * 13 + 5) % words.length]} notes`;

  let started = performance.now();
  const builder = await Wiki.open({ dir: fixture.dir, embeddings: new HashedWords(), durable: false });
  await builder.semanticSearch('warm up'); // starts the build; answers lexically meanwhile
  await builder.flush();
  const buildSec = (performance.now() - started) / 1000;
  const storeBytes = statSync(join(fixture.dir, '.git', 'wikibot', 'vectors-v1.bin')).size;

  started = performance.now();
  const cold = await Wiki.open({ dir: fixture.dir, embeddings: new HashedWords(), durable: false });
  const first = await cold.semanticSearch(query(0));
  const coldFirstSearchMs = performance.now() - started;
  if (first.mode !== 'semantic') throw new Error(`cold search answered ${first.mode}: ${first.note}`);
  const warmSearchMs: number[] = [];
  for (let i = 0; i < rounds * 2; i++) {
    const t = performance.now();
    await cold.semanticSearch(query(i + 1));
    warmSearchMs.push(performance.now() - t);
  }
  const peak = peakRssMb();

  // Writes: the same wiki without a model, and with the production Titan client on the stand-in process.
  const config = loadEmbeddingsConfig({ BEDROCK_REGION: standin.region, BEDROCK_ENDPOINT: standin.url })!;
  const titan = createTitanEmbeddings({
    config,
    aws: { region: standin.region, accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
  });
  const plain = await Wiki.open({ dir: fixture.dir });
  const upkept = await Wiki.open({ dir: fixture.dir, embeddings: titan });
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
  return { pages, storeBytes, buildSec, coldFirstSearchMs, warmSearchMs, peakRssMb: peak, writeMs };
}

/** The speed table as text. */
export function renderSpeed(s: SpeedResult): string {
  const p = (xs: readonly number[], q: number) => percentile(xs, q).toFixed(1);
  const slow = percentile(s.writeMs.withUpkeep, 50) / percentile(s.writeMs.without, 50) - 1;
  return [
    `Semantic search at ${s.pages.toLocaleString('en')} pages (512-d int8 store ${(s.storeBytes / 1048576).toFixed(1)} MB, built in ${s.buildSec.toFixed(0)} s):`,
    `| measure | p50 | p95 | target |`,
    `| --- | --- | --- | --- |`,
    `| search, warm, query embedding excluded | ${p(s.warmSearchMs, 50)} ms | ${p(s.warmSearchMs, 95)} ms | p50 ≤ 50 ms |`,
    `| first search after a cold open (store load included) | ${s.coldFirstSearchMs.toFixed(0)} ms | | reported |`,
    `| write without a model | ${p(s.writeMs.without, 50)} ms | ${p(s.writeMs.without, 95)} ms | |`,
    `| write with embedding upkeep (Titan client → stand-in process) | ${p(s.writeMs.withUpkeep, 50)} ms | ${p(s.writeMs.withUpkeep, 95)} ms | ≤ +20 % (${(slow * 100).toFixed(0)} %) |`,
    `Peak RSS of the bench process with the store loaded: ${s.peakRssMb.toFixed(0)} MB`,
  ].join('\n');
}
