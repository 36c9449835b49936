import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, HAVE_CHROMIUM, launchChromium, signInWithBrowser } from '../helpers/chromium.js';
import { startTestSystem, type TestSystem } from '../helpers/local-system.js';

const test = HAVE_CHROMIUM ? it : it.skip;
if (!HAVE_CHROMIUM) {
  console.warn(
    `sign-out-browser.test.ts: skipping the sign-out tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
}

describe(`signing out of the wiki in headless Chromium${HAVE_CHROMIUM ? '' : ` (skipped: no Chromium at ${CHROMIUM})`}`, () => {
  let system: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return;
    system = await startTestSystem();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  function signIn(page: Page): Promise<void> {
    return signInWithBrowser(page, system.local, { email: 'grace@example.com', name: 'Grace Hopper' });
  }

  test('revokes the session cookie and ends the AuthKit session: signing in again asks who you are', async () => {
    // Prepare
    const { local } = system;
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    const kept = (await context.cookies(local.url)).filter((c) => c.name === 'wiki_session');
    expect(kept).toHaveLength(1);

    // Act: sign out, confirm at the stand-in, come back to the wiki
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === local.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((url) => url.origin === local.url);

    // Assess: the old cookie, replayed in a fresh browser, no longer signs anyone in
    const thief = await browser.newContext();
    await thief.addCookies(kept);
    const stolen = await thief.newPage();
    await stolen.goto(`${local.url}/Home`);
    await expect(stolen.getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(1);
    await thief.close();
    // …and the stand-in forgot the person: signing in again shows its sign-in form
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === local.issuer);
    await expect(page.locator('#email').count()).resolves.toBe(1);
    await context.close();
  }, 90_000);
});
