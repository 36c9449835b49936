/**
 * @module The targets of issue 6, checked against a run's figures: each row says what was measured,
 * against which peer, what the target is and whether it was met. Recorded, never asserted.
 */
import { HOSTILE_LIMIT_MS } from './hostile-bench.js';
import type { BenchResults } from './results.js';
import { percentile } from './stats.js';
import { uiTargets } from './ui/ui-targets.js';

/** One checked target. */
export interface TargetRow {
  readonly section: string;
  readonly what: string;
  readonly measured: string;
  readonly peer: string;
  readonly target: string;
  /** null when the figure could not be measured in this run. */
  readonly pass: boolean | null;
}

const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms` : 'n/a');

/** Storage limits at 10,000 pages (p50, ms). */
export const STORAGE_LIMITS = { read: 10, write: 50, search: 50, list: 50, history: 20 } as const;

/** Checks every target of the issue. */
export function checkTargets(r: BenchResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const mcp = r.artifacts.find((a) => a.name === 'mcp');
  if (mcp) {
    rows.push({
      section: 'Artifacts',
      what: 'MCP zip',
      measured: `${(mcp.zipBytes / 1024).toFixed(1)} KB`,
      peer: '—',
      target: '≤ 400 KB',
      pass: mcp.zipBytes <= 400 * 1024,
    });
  }
  const floor = r.coldStart?.floor;
  for (const t of r.coldStart?.targets ?? []) {
    rows.push({
      section: 'Cold start',
      what: `${t.name} cold start (median of ${r.coldStart!.runs})`,
      measured: `${fmt(t.medianMs)} (${t.ratio.toFixed(2)}×${t.cpuRatio === undefined ? '' : `; CPU ${t.cpuRatio.toFixed(2)}×`})`,
      peer: `bare node -e 0: ${fmt(r.coldStart!.bareMedianMs)}${floor ? `; web-standard floor ${floor.ratio.toFixed(2)}×` : ''}`,
      target: '≤ 2× bare node',
      pass: t.status === '200' ? t.ratio <= 2 : null,
    });
  }
  const list = r.warm?.http?.toolsList;
  if (list) {
    rows.push({
      section: 'Warm MCP',
      what: 'tools/list via gateway, auth on (req/s)',
      measured: list.spread
        ? `${list.ours.rps.toFixed(0)} req/s (${list.ratio.toFixed(2)}×; p25 ${list.spread.p25.toFixed(2)}×, ` +
          `rounds ${list.spread.min.toFixed(2)}–${list.spread.max.toFixed(2)}×)`
        : `${list.ours.rps.toFixed(0)} req/s (${list.ratio.toFixed(2)}×)`,
      peer: `SDK example: ${list.peer.rps.toFixed(0)} req/s`,
      target: '≥ 2× SDK example, 3 rounds in 4',
      // Robustly: the lower quartile of the per-round ratios, not only the median, must reach 2×. Not the worst
      // round: on a shared machine one round's two runs can meet very different load, and the more rounds a run
      // has, the likelier one such round — a minimum would judge the run's length, not the server.
      pass: list.ours.failures === 0 ? (list.spread?.p25 ?? list.ratio) >= 2 : null,
    });
  }
  const read = r.warm?.inProcess?.['tools/call read_note'];
  if (read) {
    rows.push({
      section: 'Warm MCP',
      what: 'in-process tools/call read_note p50',
      measured: fmt(read.latency.p50),
      peer: '—',
      target: '≤ 2 ms',
      pass: read.statuses.every((s) => s === 200) ? read.latency.p50 <= 2 : null,
    });
  }
  const biggest = r.storage?.scales.find((s) => s.pages === 10_000);
  for (const [op, limit] of Object.entries(STORAGE_LIMITS)) {
    const figures = biggest?.ops[op as keyof typeof STORAGE_LIMITS];
    if (!figures) continue;
    const ratio = figures.git ? figures.wiki.p50 / figures.git.p50 : undefined;
    rows.push({
      section: 'Storage (10,000 pages)',
      what: `${op} p50`,
      measured: `${fmt(figures.wiki.p50)}${ratio !== undefined ? ` (${ratio.toFixed(2)}× git)` : ''}`,
      peer: figures.git ? `git: ${fmt(figures.git.p50)}` : '—',
      target: `≤ ${limit} ms${figures.git ? ', ≤ 3× git' : ''}`,
      pass: figures.wiki.p50 <= limit && (ratio === undefined || ratio <= 3),
    });
  }
  if (r.hostile?.length) {
    const cost = (h: (typeof r.hostile)[number]) => h.indexCpuMs + h.renderCpuMs;
    const worst = r.hostile.reduce((a, b) => (cost(b) > cost(a) ? b : a));
    rows.push({
      section: 'Hostile pages',
      what: `1 MB page, worst of ${r.hostile.length} shapes (${worst.shape}): index + render, CPU time`,
      measured: `${fmt(cost(worst))} (wall ${fmt(worst.indexMs + worst.renderMs)})`,
      peer: '—',
      target: `≤ ${HOSTILE_LIMIT_MS} ms`,
      pass: cost(worst) <= HOSTILE_LIMIT_MS,
    });
  }
  const write = biggest?.ops.write;
  if (write) {
    rows.push({
      section: 'Storage (10,000 pages)',
      what: 'write p50 with .git/index and work tree',
      measured: fmt(write.wiki.p50),
      peer: '—',
      target: '≤ 15 ms',
      pass: write.wiki.p50 <= 15,
    });
  }
  const cold = r.coldOpen;
  if (cold) {
    const what = `flat ${cold.pages} pages / ${cold.commits} commits, no cache, fresh process`;
    rows.push({
      section: 'Cold open',
      what: `${what}: first page`,
      measured: cold.cpu ? `${fmt(cold.firstPageMs)} (CPU ${fmt(cold.cpu.firstPageMs)})` : fmt(cold.firstPageMs),
      peer: '—',
      target: '≤ 5 s',
      pass: cold.firstPageMs <= 5000,
    });
    rows.push({
      section: 'Cold open',
      what: `${what}: first search`,
      measured: cold.cpu ? `${fmt(cold.firstSearchMs)} (CPU ${fmt(cold.cpu.firstSearchMs)})` : fmt(cold.firstSearchMs),
      peer: '—',
      target: '≤ 1 s',
      pass: cold.firstSearchMs <= 1000,
    });
    if (cold.write) {
      rows.push({
        section: 'Cold open',
        what: `flat ${cold.pages} pages: write p50 with .git/index and work tree`,
        measured: `${fmt(cold.write.p50)} (CPU ${fmt(cold.cpu.write.p50)})`,
        peer: '—',
        target: '≤ 15 ms',
        pass: cold.write.p50 <= 15,
      });
    }
  }
  if (r.memory) {
    rows.push({
      section: 'Memory',
      what: 'peak RSS, gateway + handlers under warm load',
      measured: `${r.memory.peakMB.toFixed(0)} MB`,
      peer: '—',
      target: '≤ 256 MB',
      pass: r.memory.peakMB <= 256,
    });
  }
  rows.push(...semanticTargets(r));
  rows.push(...uiTargets(r.ui));
  return rows;
}

/** Issue 12's targets: semantic or hybrid recall above lexical, search p50 ≤ 50 ms at scale, writes ≤ +20 %. */
function semanticTargets(r: BenchResults): TargetRow[] {
  const s = r.semantic;
  if (!s) return [];
  const q = s.quality;
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const best = q.hybrid.at5 >= q.semantic.at5 ? { name: 'hybrid', ...q.hybrid } : { name: 'semantic', ...q.semantic };
  const search = percentile(s.speed.warmSearchMs, 50);
  const slowdown = percentile(s.speed.writeMs.withUpkeep, 50) / percentile(s.speed.writeMs.without, 50);
  return [
    {
      section: 'Semantic search',
      what: `recall@5 on ${q.queries} paraphrases of git's manual (${best.name})`,
      measured: `${pct(best.at5)} (@1 ${pct(best.at1)})`,
      peer: `lexical: ${pct(q.lexical.at5)} (@1 ${pct(q.lexical.at1)})`,
      target: 'above lexical',
      pass: best.at5 > q.lexical.at5 || (best.at5 === q.lexical.at5 && best.at1 > q.lexical.at1),
    },
    {
      section: 'Semantic search',
      what: `search p50 at ${s.speed.pages} pages, query embedding excluded`,
      measured: `${fmt(search)} (CPU ${fmt(percentile(s.speed.warmSearchCpuMs ?? [], 50))})`,
      peer: '—',
      target: '≤ 50 ms',
      pass: search <= 50,
    },
    {
      section: 'Semantic search',
      what: 'write p50 with embedding upkeep',
      measured: `${fmt(percentile(s.speed.writeMs.withUpkeep, 50))} (${slowdown.toFixed(2)}×)`,
      peer: `no model: ${fmt(percentile(s.speed.writeMs.without, 50))}`,
      target: '≤ 1.2×',
      pass: slowdown <= 1.2,
    },
  ];
}
