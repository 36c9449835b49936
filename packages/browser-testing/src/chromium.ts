/**
 * @module Debian's Chromium driven by playwright-core: where it is, whether this machine has it (and if not, the
 * reason every browser test and tool names), and launching it headless and offline.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from './config.js';

export { CHROMIUM_PATH };

/** Whether Chromium can be launched here. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);

/** Why browser tests are skipped (and browser tools refuse to run), or '' when Chromium is here. */
export const CHROMIUM_SKIP_REASON = HAVE_CHROMIUM
  ? ''
  : `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;

/** Quiet, offline flags: no sandbox (containers), no GPU, no background traffic of Chromium's own. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium; `extraArgs` are added to the flags (e.g. `--host-resolver-rules=…`). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!HAVE_CHROMIUM) return Promise.reject(new Error(CHROMIUM_SKIP_REASON));
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...FLAGS, ...extraArgs] });
}
