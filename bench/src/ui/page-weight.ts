/**
 * @module What each page type of the wiki costs a browser and whether axe-core finds it accessible: the HTML,
 * CSS and JS a first visit transfers (browser cache off), gzip-compressed as a CDN would send them, and axe's
 * serious and critical violations in the light and the dark theme.
 */
import { seriousAxeViolations, type AxeFinding } from '@wikibot/browser-testing';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { PAGE_TYPES } from './page-types.js';
import type { UiTour } from './tour.js';

/** Bytes of one kind of resource: as served, and gzip-compressed. */
export interface Weight {
  readonly raw: number;
  readonly gzip: number;
}

/** One page type's figures. */
export interface UiPageResult {
  readonly type: string;
  /** The status the page answered, and the one a person should get. */
  readonly status: number;
  readonly expectedStatus: number;
  readonly html: Weight;
  readonly css: Weight;
  readonly js: Weight;
  /** HTML + CSS + JS, gzip. */
  readonly totalGzip: number;
  /** Serious and critical axe violations (rules), per theme. */
  readonly axe: { light: AxeCounts; dark: AxeCounts };
}

/** How many axe rules a page violates at each impact, and their ids. */
export interface AxeCounts {
  readonly serious: number;
  readonly critical: number;
  readonly rules: string[];
}

const KINDS = { document: 'html', stylesheet: 'css', script: 'js' } as const;

function counts(findings: readonly AxeFinding[]): AxeCounts {
  return {
    serious: findings.filter((f) => f.impact === 'serious').length,
    critical: findings.filter((f) => f.impact === 'critical').length,
    rules: findings.map((f) => f.id),
  };
}

/** Sums the HTML, CSS and JS responses of the arrival at a page type (what `collect` gathered). */
async function weigh(responses: readonly Response[]): Promise<Record<'html' | 'css' | 'js', Weight>> {
  const sums = { html: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 }, js: { raw: 0, gzip: 0 } };
  for (const response of responses) {
    const kind = KINDS[response.request().resourceType() as keyof typeof KINDS];
    // Redirects have no body; the document they lead to is counted.
    if (!kind || (response.status() >= 300 && response.status() < 400)) continue;
    const body = await response.body();
    sums[kind].raw += body.length;
    sums[kind].gzip += gzipSync(body).length;
  }
  return sums;
}

/** Visits every page type of the wiki in a fresh signed-in context with the browser cache off. */
export async function measureUiPages(tour: UiTour): Promise<UiPageResult[]> {
  const results: UiPageResult[] = [];
  for (const pageType of PAGE_TYPES.filter((p) => p.wiki !== false)) {
    const context = await tour.newContext({ signedIn: pageType.signedIn !== false, colorScheme: 'light' });
    const page: Page = await context.newPage();
    await (await context.newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
    const responses: Response[] = [];
    // Only the arrival counts: a page type reached through another page (conflict) starts from the last document.
    page.on('response', (r) => {
      if (r.request().resourceType() === 'document' && r.request().frame() === page.mainFrame()) responses.length = 0;
      responses.push(r);
    });
    const response = await pageType.open(page, tour.url, tour.wiki);
    await page.waitForLoadState('load');
    const weights = await weigh(responses);
    const light = counts(await seriousAxeViolations(page));
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = counts(await seriousAxeViolations(page));
    await context.close();
    results.push({
      type: pageType.type,
      status: response?.status() ?? 0,
      expectedStatus: pageType.status,
      ...weights,
      totalGzip: weights.html.gzip + weights.css.gzip + weights.js.gzip,
      axe: { light, dark },
    });
  }
  return results;
}
