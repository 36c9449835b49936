import { expect } from '@jest/globals';
import { describeInChromium } from '@wikibot/browser-testing/jest';
import type { Page } from 'playwright-core';
import { serveWiki } from '../helpers/served-wiki.js';

/** The page's background colour as the browser computed it. */
const background = (page: Page) => page.evaluate('getComputedStyle(document.body).backgroundColor');
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(13, 17, 23)';

/** A served wiki with a Home page. */
async function startWiki() {
  const served = await serveWiki();
  await served.wiki.writePage('Home', '# Home\n\nHello.', { author: { name: 'Alice', email: 'alice@example.com' } });
  return served;
}

describeInChromium(
  'the theme toggle in headless Chromium',
  { start: startWiki, stop: (s) => s.close() },
  (suite, test) => {
    test('follows the OS in auto, cycles light → dark → auto by keyboard, and remembers the choice', async () => {
      // Prepare: an OS in dark mode; collect CSP violations and script errors
      const served = suite.system;
      const context = await suite.browser.newContext({ colorScheme: 'dark' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${served.origin}/Home`);
      const toggle = page.locator('#theme-toggle');
      // Assess: auto follows the OS
      expect(await toggle.innerText()).toBe('Theme: auto');
      expect(await background(page)).toBe(DARK);
      // Act: the keyboard alone (Tab to the button, Enter)
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.innerText()).toBe('Theme: light');
      expect(await background(page)).toBe(WHITE);
      await page.keyboard.press('Space');
      expect(await toggle.innerText()).toBe('Theme: dark');
      // Act: a new page load keeps the choice, even with the OS now light
      await page.emulateMedia({ colorScheme: 'light' });
      await page.reload();
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      expect(await background(page)).toBe(DARK);
      expect(await page.evaluate("localStorage.getItem('wikibot-theme')")).toBe('dark');
      // Act: back to auto, which follows the (now light) OS
      await page.locator('#theme-toggle').click();
      expect(await page.locator('#theme-toggle').innerText()).toBe('Theme: auto');
      expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
      expect(await background(page)).toBe(WHITE);
      await context.close();
      expect(problems).toEqual([]);
    }, 60_000);
  },
);
