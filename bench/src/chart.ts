/**
 * @module A hand-written SVG line chart (no charting dependency): p50 latency of each storage operation
 * against wiki size, both axes logarithmic, wiki-core solid and native git dashed.
 */
import type { StorageScale } from './storage.js';

const WIDTH = 760;
const HEIGHT = 440;
const MARGIN = { left: 70, right: 170, top: 40, bottom: 60 };
const COLORS: Record<string, string> = {
  read: '#1f77b4',
  write: '#d62728',
  edit: '#ff7f0e',
  search: '#2ca02c',
  list: '#9467bd',
  history: '#8c564b',
  changelog: '#e377c2',
};

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) ticks.push(10 ** e);
  return ticks;
}

/** Renders the storage scaling chart. */
export function storageChart(scales: readonly StorageScale[]): string {
  const series: { name: string; color: string; dashed: boolean; points: [number, number][] }[] = [];
  for (const op of Object.keys(COLORS)) {
    for (const source of ['wiki', 'git'] as const) {
      const points = scales
        .map((s) => [s.pages, s.ops[op as keyof typeof s.ops]?.[source]?.p50] as [number, number | undefined])
        .filter((p): p is [number, number] => p[1] !== undefined && p[1] > 0);
      if (points.length)
        series.push({
          name: source === 'wiki' ? op : `git ${op}`,
          color: COLORS[op],
          dashed: source === 'git',
          points,
        });
    }
  }
  const xs = scales.map((s) => s.pages);
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const xTicks = logTicks(Math.min(...xs), Math.max(...xs)).filter((t) => t >= Math.min(...xs) && t <= Math.max(...xs));
  const yTicks = ys.length ? logTicks(Math.max(0.01, Math.min(...ys)), Math.max(...ys)) : [1, 10];
  const [xMin, xMax] = [Math.log10(Math.min(...xs)), Math.log10(Math.max(...xs))];
  const [yMin, yMax] = [Math.log10(yTicks[0]), Math.log10(yTicks[yTicks.length - 1])];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (v: number) => MARGIN.left + ((Math.log10(v) - xMin) / (xMax - xMin || 1)) * plotW;
  const y = (v: number) => MARGIN.top + plotH - ((Math.log10(v) - yMin) / (yMax - yMin || 1)) * plotH;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="15" font-weight="bold">Storage operations: p50 latency vs wiki size (log–log)</text>`,
  ];
  for (const t of yTicks) {
    out.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/>`,
    );
    out.push(
      `<text x="${MARGIN.left - 8}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${t >= 1 ? t : t.toString()} ms</text>`,
    );
  }
  for (const t of xTicks) {
    out.push(
      `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#ddd"/>`,
    );
    out.push(
      `<text x="${x(t).toFixed(1)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${t.toLocaleString('en-US')}</text>`,
    );
  }
  out.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 15}" text-anchor="middle">pages in the wiki</text>`);
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  series.forEach((s, i) => {
    const d = s.points.map(([px, py], j) => `${j ? 'L' : 'M'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`);
    for (const [px, py] of s.points)
      out.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const ly = MARGIN.top + 10 + i * 18;
    const lx = MARGIN.left + plotW + 15;
    out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${lx + 30}" y="${ly + 4}">${escape(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
