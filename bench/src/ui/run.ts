/**
 * @module The bench's browser part: every page type of the wiki visited in Chromium on a local system, weighed
 * and checked with axe-core. Part of `npm run bench`; `pnpm run bench:ui` (in bench/) runs only this part
 * and prints its rows.
 */
import { CHROMIUM_SKIP_REASON, HAVE_CHROMIUM } from '@wikibot/browser-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderConsole } from '../report.js';
import { measureUiPages, type UiPageResult } from './page-weight.js';
import { startUiTour } from './tour.js';
import { uiTargets } from './ui-targets.js';

/** Runs the tour under `workDir` and measures every page type; throws the skip reason without Chromium. */
export async function benchUi(workDir: string): Promise<UiPageResult[]> {
  if (!HAVE_CHROMIUM) throw new Error(CHROMIUM_SKIP_REASON);
  const tour = await startUiTour(workDir);
  try {
    return await measureUiPages(tour);
  } finally {
    await tour.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const workDir = mkdtempSync(join(tmpdir(), 'wikibot-bench-ui-'));
  try {
    process.stdout.write(`${renderConsole(uiTargets(await benchUi(workDir)))}\n`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
