/**
 * @module Headless Chromium for the browser tests: the Debian binary driven by playwright-core, and signing in
 * through the AuthKit stand-in's own pages as a person would.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { LocalSystem } from '../../src/index.js';

/** The Chromium binary (Debian's, unless CHROMIUM_PATH says otherwise). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run here; they are skipped, with a warning naming the fix, when not. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** Launches headless Chromium with nothing of its own talking to the network; `extraArgs` are added. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** Signs in from the wiki's Home page through the stand-in's sign-in and consent pages, and waits to be back. */
export async function signInWithBrowser(
  page: Page,
  local: LocalSystem,
  user: { email: string; name: string },
): Promise<void> {
  await page.goto(`${local.url}/Home`);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === local.issuer);
  await page.fill('#email', user.email);
  await page.fill('#name', user.name);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL((url) => url.origin === local.url);
}
