/**
 * @module Semantic search quality on git's manual: recall@1 and recall@5 of lexical, semantic and hybrid ranking
 * over the labelled paraphrases, and the distance of the top result for on-topic and off-topic questions.
 */
import type { EmbeddingProvider, Wiki } from '@wikibot/wiki-core';
import { percentile } from '../stats.js';
import type { ManualPage } from './git-doc-corpus.js';
import { copiedWords, OFF_TOPIC, ON_TOPIC } from './labelled-queries.js';

/** Recall of one ranking. */
export interface Recall {
  readonly at1: number;
  readonly at5: number;
}

/** What the quality part measures. */
export interface QualityResult {
  readonly pages: number;
  readonly chunks: number;
  readonly queries: number;
  readonly lexical: Recall;
  readonly semantic: Recall;
  readonly hybrid: Recall;
  /** Top-1 cosine distances: on-topic questions and off-topic ones. */
  readonly onTopic: readonly number[];
  readonly offTopic: readonly number[];
  /** Query embedding latency through the stand-in (ms), reported apart from search latency. */
  readonly queryEmbeddingMs: readonly number[];
  /** Questions each ranking missed at 5, for reading. */
  readonly misses: Record<string, string[]>;
}

/** Checks the labels: every answer exists, and no question copies a word of its answer's name or summary. */
export function checkLabels(pages: readonly ManualPage[]): void {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  for (const { query, answers } of ON_TOPIC) {
    for (const answer of answers) {
      const page = byPath.get(answer);
      if (!page) throw new Error(`label "${query}": no page ${answer}`);
      const copied = copiedWords(query, `${page.path.replace('Git/git-', '')} ${page.summary}`);
      if (copied.length > 0)
        throw new Error(`label "${query}" copies ${copied.join(', ')} from ${answer} ("${page.summary}")`);
    }
  }
}

/** Runs every labelled question through the three rankings. */
export async function measureQuality(
  wiki: Wiki,
  provider: EmbeddingProvider,
  pages: number,
  chunks: number,
): Promise<QualityResult> {
  const hits = { lexical: [0, 0], semantic: [0, 0], hybrid: [0, 0] };
  const misses: Record<string, string[]> = { lexical: [], semantic: [], hybrid: [] };
  const onTopic: number[] = [];
  const queryEmbeddingMs: number[] = [];
  for (const { query, answers } of ON_TOPIC) {
    const started = performance.now();
    await provider.embed([query], 'query');
    queryEmbeddingMs.push(performance.now() - started);
    const semantic = await wiki.semanticSearch(query, { n: 5, maxChunksPerPage: 1 });
    if (semantic.mode !== 'semantic') throw new Error(`semantic search answered ${semantic.mode}: ${semantic.note}`);
    // Page names compare case-insensitively: the wiki shows Otterwiki's display name (e.g. `Git/Git-stash`).
    const keys = (paths: string[]) => paths.map((p) => p.toLowerCase());
    const rankings = {
      lexical: keys((await wiki.search(query, { limit: 5 })).map((h) => h.path)),
      semantic: keys(semantic.results.map((r) => r.path)),
      hybrid: keys(
        (await wiki.semanticSearch(query, { n: 5, maxChunksPerPage: 1, mode: 'hybrid' })).results.map((r) => r.path),
      ),
    };
    const wanted = answers.map((a) => a.toLowerCase());
    onTopic.push(semantic.results[0]?.distance ?? 1);
    for (const [name, ranked] of Object.entries(rankings) as [keyof typeof hits, string[]][]) {
      if (wanted.includes(ranked[0] ?? '')) hits[name][0]!++;
      if (ranked.some((p) => wanted.includes(p))) hits[name][1]!++;
      else misses[name]!.push(query);
    }
  }
  const offTopic: number[] = [];
  for (const query of OFF_TOPIC) offTopic.push((await wiki.semanticSearch(query, { n: 1 })).results[0]?.distance ?? 1);
  const recall = ([at1, at5]: number[]): Recall => ({ at1: at1! / ON_TOPIC.length, at5: at5! / ON_TOPIC.length });
  return {
    pages,
    chunks,
    queries: ON_TOPIC.length,
    lexical: recall(hits.lexical),
    semantic: recall(hits.semantic),
    hybrid: recall(hits.hybrid),
    onTopic,
    offTopic,
    queryEmbeddingMs,
    misses,
  };
}

/** The quality table as text. */
export function renderQuality(q: QualityResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const range = (xs: readonly number[]) =>
    `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)} (median ${percentile(xs, 50).toFixed(2)})`;
  return [
    `Semantic search quality: ${q.queries} paraphrased questions over git's manual ` +
      `(${q.pages} pages, ${q.chunks} chunks)`,
    '| ranking | recall@1 | recall@5 |',
    '| --- | --- | --- |',
    `| lexical (MiniSearch) | ${pct(q.lexical.at1)} | ${pct(q.lexical.at5)} |`,
    `| semantic | ${pct(q.semantic.at1)} | ${pct(q.semantic.at5)} |`,
    `| hybrid (RRF) | ${pct(q.hybrid.at1)} | ${pct(q.hybrid.at5)} |`,
    `Top-1 cosine distance: on-topic ${range(q.onTopic)}; off-topic ${range(q.offTopic)}; ` +
      `on-topic nearer than off-topic in ${pct(separation(q.onTopic, q.offTopic))} of pairs`,
    `Query embedding (stand-in round trip, local model): p50 ${percentile(q.queryEmbeddingMs, 50).toFixed(1)} ms`,
  ].join('\n');
}

/** The share of (on-topic, off-topic) pairs whose on-topic distance is the smaller (ROC AUC: 1 = fully apart). */
export function separation(onTopic: readonly number[], offTopic: readonly number[]): number {
  let nearer = 0;
  for (const on of onTopic) for (const off of offTopic) nearer += on < off ? 1 : on === off ? 0.5 : 0;
  return nearer / (onTopic.length * offTopic.length || 1);
}
