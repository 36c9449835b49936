/**
 * @module The semantic-search part of `npm run bench`, also runnable alone (`npm run bench:semantic` in bench/):
 * quality on git's manual through the local model, then speed and size at scale. Prints both tables and returns the
 * figures for bench/results.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEmbeddingsConfig } from '@wikibot/auth-config';
import { createTitanEmbeddings } from '@wikibot/bedrock';
import { chunkPage, Wiki } from '@wikibot/wiki-core';
import { importManual, loadGitManual } from './git-doc-corpus.js';
import { checkLabels, measureQuality, renderQuality, type QualityResult } from './quality.js';
import { measureSpeed, renderSpeed, type SpeedResult } from './speed.js';
import { startStandinProcess } from './standin-process.js';

export interface SemanticBenchResult {
  readonly quality: QualityResult;
  readonly speed: SpeedResult;
}

/** Runs both parts; `pages` is the scale of the speed part (10,000 in a full run). */
export async function benchSemantic(options: {
  pages: number;
  rounds: number;
  log: (message: string) => void;
}): Promise<SemanticBenchResult> {
  const workDir = mkdtempSync(join(tmpdir(), 'wikibot-semantic-bench-'));
  const standin = await startStandinProcess();
  try {
    const manual = loadGitManual();
    checkLabels(manual);
    const config = loadEmbeddingsConfig({ BEDROCK_REGION: standin.region, BEDROCK_ENDPOINT: standin.url })!;
    const provider = createTitanEmbeddings({
      config,
      aws: { region: standin.region, accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
    });
    const wiki = await Wiki.open({ dir: join(workDir, 'git-manual'), embeddings: provider, durable: false });
    options.log(`importing ${manual.length} manual pages and embedding them through the stand-in (a few minutes)…`);
    await importManual(wiki, manual);
    await wiki.flush();
    const check = await wiki.semanticSearch('probe');
    if (check.note) throw new Error(`the vector store is not complete: ${check.note}`);
    let chunks = 0;
    for (const page of manual) chunks += (await chunkPage(page.markdown)).length;
    const quality = await measureQuality(wiki, provider, manual.length, chunks);
    process.stdout.write(`\n${renderQuality(quality)}\n`);
    options.log(`semantic search at ${options.pages} pages…`);
    const speed = await measureSpeed(workDir, options.pages, standin, options.rounds, options.log);
    process.stdout.write(`\n${renderSpeed(speed)}\n`);
    return { quality, speed };
  } finally {
    await standin.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.env.BENCH_QUICK === '1';
  await benchSemantic({
    pages: quick ? 1000 : 10_000,
    rounds: quick ? 10 : 25,
    log: (m) => process.stderr.write(`[semantic] ${m}\n`),
  });
}
