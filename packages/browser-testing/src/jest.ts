/**
 * @wikibot/browser-testing/jest — a jest `describe` for browser tests: starts what they test and Chromium once,
 * closes both after, and when this machine has no Chromium skips every test with the reason in its name.
 * @module
 */
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { CHROMIUM_SKIP_REASON, HAVE_CHROMIUM, launchChromium } from './chromium.js';

/** What a suite's tests use, set before the first test runs. */
export interface ChromiumSuite<S> {
  readonly browser: Browser;
  /** What `start` returned. */
  readonly system: S;
}

/** How to bring up what the suite tests, and tear it down. */
export interface ChromiumSuiteOptions<S> {
  start(): Promise<S>;
  stop(system: S): Promise<void>;
  /** Extra Chromium flags. */
  chromiumArgs?: readonly string[];
  /** How long starting may take (default 60 s). */
  startTimeoutMs?: number;
}

/** `it`, or `it.skip` on a machine without Chromium. */
export type ChromiumTest = typeof it.skip;

/**
 * `describe(title, …)` whose `body` gets the running suite and `test` (`it`, or `it.skip` without Chromium).
 *
 * @example
 * ```ts
 * describeInChromium('the wiki in headless Chromium', { start: startTestSystem, stop: (s) => s.close() },
 *   (suite, test) => {
 *     test('saves a page', async () => { const page = await suite.browser.newPage(); … });
 *   });
 * ```
 */
export function describeInChromium<S>(
  title: string,
  options: ChromiumSuiteOptions<S>,
  body: (suite: ChromiumSuite<S>, test: ChromiumTest) => void,
): void {
  const test: ChromiumTest = HAVE_CHROMIUM ? it : it.skip;
  if (!HAVE_CHROMIUM) console.warn(`skipping "${title}": ${CHROMIUM_SKIP_REASON}`);
  const suite: { browser?: Browser; system?: S; started: boolean } = { started: false };
  describe(HAVE_CHROMIUM ? title : `${title} (skipped: ${CHROMIUM_SKIP_REASON})`, () => {
    beforeAll(async () => {
      if (!HAVE_CHROMIUM) return;
      suite.system = await options.start();
      suite.started = true;
      suite.browser = await launchChromium(options.chromiumArgs);
    }, options.startTimeoutMs ?? 60_000);
    afterAll(async () => {
      await suite.browser?.close();
      if (suite.started) await options.stop(suite.system as S);
    });
    body(suite as ChromiumSuite<S>, test);
  });
}
