import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { HAVE_CHROMIUM, launchChromium, SKIP_REASON } from '../helpers/chromium.js';
import { serveWiki, type ServedWiki } from '../helpers/served-wiki.js';

const test = HAVE_CHROMIUM ? it : it.skip;
if (!HAVE_CHROMIUM) console.warn(`theme-browser.test.ts: skipping: ${SKIP_REASON}`);

/** The page's background colour as the browser computed it. */
const background = (page: Page) => page.evaluate('getComputedStyle(document.body).backgroundColor');
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(13, 17, 23)';

describe(`the theme toggle in headless Chromium${HAVE_CHROMIUM ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let served: ServedWiki;
  let browser: Browser;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return;
    served = await serveWiki();
    await served.wiki.writePage('Home', '# Home\n\nHello.', { author: { name: 'Alice', email: 'alice@example.com' } });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  test('follows the OS in auto, cycles light → dark → auto by keyboard, and remembers the choice', async () => {
    // Prepare: an OS in dark mode; collect CSP violations and script errors
    const context = await browser.newContext({ colorScheme: 'dark' });
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
});
