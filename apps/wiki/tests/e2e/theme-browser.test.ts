import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '@wikibot/auth-config';
import { Wiki } from '@wikibot/wiki-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWikiApp } from '../../src/app.js';
import { HAVE_CHROMIUM, launchChromium, SKIP_REASON } from '../helpers/chromium.js';
import { serveOverHttp, type ServedApp } from '../helpers/serve.js';

const test = HAVE_CHROMIUM ? it : it.skip;
if (!HAVE_CHROMIUM) console.warn(`theme-browser.test.ts: skipping: ${SKIP_REASON}`);

/** The page's background colour as the browser computed it. */
const background = (page: Page) => page.evaluate('getComputedStyle(document.body).backgroundColor');
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(13, 17, 23)';

describe(`the theme toggle in headless Chromium${HAVE_CHROMIUM ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let served: ServedApp;
  let dir: string;
  let browser: Browser;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return;
    dir = await mkdtemp(join(tmpdir(), 'wikibot-theme-'));
    served = await serveOverHttp();
    const wiki = await Wiki.open({ dir, durable: false });
    await wiki.writePage('Home', '# Home\n\nHello.', { author: { name: 'Alice', email: 'alice@example.com' } });
    const config = loadConfig({
      PUBLIC_ORIGIN: served.origin,
      AUTHKIT_DOMAIN: 'https://authkit.example.com',
      ACCESS_POLICY: JSON.stringify({ writers: ['@example.com'] }),
      WIKI_DATA_DIR: dir,
    });
    served.setApp(createWikiApp({ config, wiki, log: () => undefined }).fetch);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
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
