import { expect } from '@jest/globals';
import { signInWithBrowser } from '@wikibot/browser-testing';
import { describeInChromium } from '@wikibot/browser-testing/jest';
import type { Page } from 'playwright-core';
import { startTestSystem } from '../helpers/local-system.js';

describeInChromium(
  'signing out of the wiki in headless Chromium',
  { start: startTestSystem, stop: (s) => s.close() },
  (suite, test) => {
    function signIn(page: Page): Promise<void> {
      return signInWithBrowser(page, suite.system.local, { email: 'grace@example.com', name: 'Grace Hopper' });
    }

    test('revokes the session cookie and ends the AuthKit session: signing in again asks who you are', async () => {
      // Prepare
      const { browser } = suite;
      const { local } = suite.system;
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
  },
);
