import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../helpers/local-system.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const TITLE = 'signs in, edits, saves and sees the history in a real browser';
const test = HAVE_CHROMIUM ? it : it.skip;
if (!HAVE_CHROMIUM) {
  console.warn(`wiki-browser.test.ts: skipping "${TITLE}": no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

describe(`the wiki in headless Chromium${HAVE_CHROMIUM ? '' : ` (skipped: no Chromium at ${CHROMIUM})`}`, () => {
  let system: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return;
    system = await startTestSystem();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  test(TITLE, async () => {
    // Prepare
    const { local } = system;
    const page = await browser.newPage();

    // Act: sign in through the stand-in's pages
    await page.goto(`${local.url}/Home`);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === local.issuer);
    await page.fill('#email', 'linus@example.com');
    await page.fill('#name', 'Linus Browser');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((url) => url.origin === local.url);

    // Act: edit and save a new page
    await page.goto(`${local.url}/Browser%20Page/edit`);
    await page.fill('#content', '# Browser Page\n\nSaved from **Chromium**.');
    await page.fill('input[name="message"]', 'Save from the browser');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${local.url}/Browser%20Page`);
    const viewed = await page.content();
    await page.goto(`${local.url}/Browser%20Page/history`);
    const history = await page.locator('table').innerText();
    await page.close();

    // Assess
    expect(viewed).toContain('<strong>Chromium</strong>');
    expect(history).toContain('Linus Browser');
    expect(history).toContain('Save from the browser');
  }, 90_000);
});
