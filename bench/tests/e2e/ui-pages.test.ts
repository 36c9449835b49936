import { expect } from '@jest/globals';
import { describeInChromium } from '@wikibot/browser-testing/jest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGE_TYPES } from '../../src/ui/page-types.js';
import { benchUi } from '../../src/ui/run.js';

/** The bench's browser part run once on a fresh local system. */
async function runUiPart() {
  const workDir = mkdtempSync(join(tmpdir(), 'wikibot-bench-ui-test-'));
  return { workDir, pages: await benchUi(workDir) };
}

describeInChromium(
  "the bench's browser part (page weight, axe)",
  {
    start: runUiPart,
    stop: async ({ workDir }) => rmSync(workDir, { recursive: true, force: true }),
    // A local system, a wiki written through the browser, 21 page types visited: about a minute on 2 busy cores.
    startTimeoutMs: 240_000,
  },
  (suite, test) => {
    test('reaches every page type of the wiki with the status a person gets, and weighs its HTML, CSS and JS', () => {
      const { pages } = suite.system;
      expect(pages.map((p) => [p.type, p.status])).toEqual(
        PAGE_TYPES.filter((t) => t.wiki !== false).map((t) => [t.type, t.status]),
      );
      for (const p of pages) {
        expect([p.type, p.html.gzip > 0, p.css.gzip > 0, p.js.gzip > 0]).toEqual([p.type, true, true, true]);
        expect(p.totalGzip).toBe(p.html.gzip + p.css.gzip + p.js.gzip);
      }
      // The editor's script is what edit and conflict pages carry beyond a view's.
      const js = (type: string) => pages.find((p) => p.type === type)!.js.raw;
      expect(js('edit')).toBeGreaterThan(js('view'));
    });
  },
);
