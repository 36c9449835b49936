/**
 * @module Issue 13's browser targets, one row per page type: a first visit transfers ≤ 60 KB of HTML, CSS and
 * JS (gzip), and axe-core finds no serious or critical violation, light or dark.
 */
import type { TargetRow } from '../targets.js';
import type { UiPageResult } from './page-weight.js';

/** The page-weight target, in KB (1 KB = 1,024 bytes). */
export const PAGE_WEIGHT_KB = 60;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** ' — answered 404, not 200' when the page answered another status (an error page: the row gets no verdict). */
const mismatch = (p: UiPageResult) =>
  p.status === p.expectedStatus ? '' : ` — answered ${p.status}, not ${p.expectedStatus}`;

function weightRow(p: UiPageResult): TargetRow {
  return {
    section: 'Wiki page weight',
    what: `${p.type}: HTML + CSS + JS, first visit, gzip`,
    measured: `${kb(p.totalGzip)} (HTML ${kb(p.html.gzip)}, CSS ${kb(p.css.gzip)}, JS ${kb(p.js.gzip)})${mismatch(p)}`,
    peer: `uncompressed: ${kb(p.html.raw + p.css.raw + p.js.raw)}`,
    target: `≤ ${PAGE_WEIGHT_KB} KB`,
    pass: mismatch(p) ? null : p.totalGzip <= PAGE_WEIGHT_KB * 1024,
  };
}

function axeRow(p: UiPageResult): TargetRow {
  const { light, dark } = p.axe;
  const rules = [...new Set([...light.rules, ...dark.rules])];
  return {
    section: 'Accessibility (axe-core)',
    what: `${p.type}: serious / critical violations`,
    measured: `light ${light.serious} / ${light.critical}, dark ${dark.serious} / ${dark.critical}${rules.length ? ` (${rules.join(', ')})` : ''}${mismatch(p)}`,
    peer: '—',
    target: '0 / 0',
    pass: mismatch(p) ? null : light.serious + light.critical + dark.serious + dark.critical === 0,
  };
}

/** The rows for `pages` (none when the part did not run): every page type's weight, then its axe results. */
export function uiTargets(pages: readonly UiPageResult[] | undefined): TargetRow[] {
  return [...(pages ?? []).map(weightRow), ...(pages ?? []).map(axeRow)];
}
