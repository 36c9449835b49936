/**
 * @module axe-core run on the page a browser shows, reduced to what the workspace's accessibility target
 * counts: serious and critical violations.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** One serious or critical axe violation on a page, with (the start of) the offending markup. */
export interface AxeFinding {
  readonly id: string;
  readonly impact: 'serious' | 'critical';
  readonly nodes: string[];
}

let axeSource: Promise<string> | undefined;

/** axe-core's browser build, read once. */
function axeScript(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

// Page code is passed as text: the workspace compiles without the DOM lib.
const RUN = `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
  .filter((v) => v.impact === 'serious' || v.impact === 'critical')
  .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.html.slice(0, 160)) })))`;

/**
 * Runs axe-core on what `page` shows now and returns its serious and critical violations ([] when none).
 * axe is evaluated through the DevTools protocol, which the page's CSP (no inline script) does not govern.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(await axeScript());
  return (await page.evaluate(RUN)) as AxeFinding[];
}
