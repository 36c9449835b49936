/**
 * @module `pnpm run bench:cold-start` (in bench/): only the cold-start part of `npm run bench` — the MCP and wiki
 * artifacts started cold next to bare `node -e 0` and the web-standard floor, in alternating rounds of one run —
 * for working on start-up time without the whole bench. COLD_RUNS sets the number of measured rounds (default 21).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wiki } from '@wikibot/wiki-core';
import { readArtifact, unpackedHandlerModule } from './artifacts.js';
import { coldTargets, measureColdStarts, type ColdProcessResult } from './cold-start.js';
import { median, percentile } from './stats.js';

const runs = Number(process.env.COLD_RUNS ?? 21);
const workDir = mkdtempSync(join(tmpdir(), 'wikibot-cold-'));
try {
  const modules = {
    mcp: await unpackedHandlerModule(readArtifact('mcp')),
    wiki: await unpackedHandlerModule(readArtifact('wiki')),
  };
  const dataDir = join(workDir, 'cold-wiki');
  await Wiki.open({ dir: dataDir });
  const r = await measureColdStarts(coldTargets(modules, dataDir), runs);
  const spread = (ms: readonly number[] = []) =>
    `${median(ms).toFixed(1).padStart(6)} ms [${percentile(ms, 25).toFixed(0)}–${percentile(ms, 75).toFixed(0)}]`;
  const row = (p: ColdProcessResult) =>
    `${p.name.padEnd(17)} ${spread(p.ms).padEnd(22)} ${p.ratio.toFixed(2)}× bare (rounds ${p.roundRatio?.p25.toFixed(
      2,
    )}–${p.roundRatio?.p75.toFixed(2)})   cpu ${spread(p.cpuMs).padEnd(22)} ${p.cpuRatio?.toFixed(2)}×   status ${p.status}`;
  const lines = [
    `cold start: ${runs} rounds in one run, load average ${r.loadAverage?.before.toFixed(1)} → ${r.loadAverage?.after.toFixed(1)}`,
    `${'node -e 0'.padEnd(17)} ${spread(r.bareMs).padEnd(22)} 1.00×${' '.repeat(28)}cpu ${spread(r.bareCpuMs)}`,
    ...[r.floor!, ...r.targets].map(row),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
