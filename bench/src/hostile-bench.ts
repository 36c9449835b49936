/**
 * @module How long one 1 MB hostile page (hostile-pages.ts) takes to index and to render, per shape: index =
 * what wiki-core computes when a page changes (frontmatter, title, outgoing links from the Markdown tokens,
 * search words), render = the wiki's markdown-it (wiki-core's `createWikiMarkdown`, as apps/wiki renders).
 * Median of `rounds`, after one unmeasured round. Also runnable alone:
 * `npx --yes pnpm@10.20.0 run bench:hostile [rounds]`.
 */
import { createWikiMarkdown, loadFrontmatterParser, loadPageModel, pageTitle, searchText } from '@wikibot/wiki-core';
import { hostilePages } from './hostile-pages.js';

/** One shape's figures: wall-clock and CPU time (this process's user + system), medians. */
export interface HostileRow {
  readonly shape: string;
  readonly bytes: number;
  readonly indexMs: number;
  readonly renderMs: number;
  readonly indexCpuMs: number;
  readonly renderCpuMs: number;
}

/** The target of issue 9: a 1 MB page of any shape indexed and rendered within this. */
export const HOSTILE_LIMIT_MS = 100;

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Wall-clock and CPU milliseconds of `run`. */
function timed(run: () => void): { wall: number; cpu: number } {
  const wall = performance.now();
  const cpu = cpuMs();
  run();
  return { wall: performance.now() - wall, cpu: cpuMs() - cpu };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Index and render time of every shape. */
export async function measureHostilePages(rounds: number): Promise<HostileRow[]> {
  const { extractLinks } = await loadPageModel();
  const { parseFrontmatter } = await loadFrontmatterParser();
  const md = await createWikiMarkdown();
  const index = (text: string): void => {
    const { frontmatter, body } = parseFrontmatter(text);
    const title = pageTitle('Hostile', frontmatter, body);
    extractLinks(title, body);
    searchText(body);
  };
  const rows: HostileRow[] = [];
  for (const [shape, text] of Object.entries(hostilePages())) {
    const times: { index: { wall: number; cpu: number }; render: { wall: number; cpu: number } }[] = [];
    for (let round = 0; round <= rounds; round++) {
      const index_ = timed(() => index(text));
      const render = timed(() => md.render(parseFrontmatter(text).body));
      if (round > 0) times.push({ index: index_, render }); // round 0 warms up
    }
    rows.push({
      shape,
      bytes: text.length,
      indexMs: median(times.map((t) => t.index.wall)),
      renderMs: median(times.map((t) => t.render.wall)),
      indexCpuMs: median(times.map((t) => t.index.cpu)),
      renderCpuMs: median(times.map((t) => t.render.cpu)),
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measureHostilePages(Number(process.argv[2] ?? 5)); // rounds: the first argument
  for (const r of rows) {
    const verdict = r.indexCpuMs + r.renderCpuMs <= HOSTILE_LIMIT_MS ? 'PASS' : 'MISS';
    const f = (ms: number): string => ms.toFixed(1).padStart(7);
    process.stdout.write(
      `${r.shape.padEnd(36)} index ${f(r.indexMs)} ms (cpu ${f(r.indexCpuMs)})  render ${f(r.renderMs)} ms (cpu ${f(r.renderCpuMs)})  ${verdict}\n`,
    );
  }
}
