import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, HAVE_CHROMIUM, launchChromium, signInWithBrowser } from '../helpers/chromium.js';
import { startTestSystem, type TestSystem } from '../helpers/local-system.js';

const TITLE = 'reverts, renames and deletes a page by keyboard in a real browser';
const test = HAVE_CHROMIUM ? it : it.skip;
if (!HAVE_CHROMIUM) {
  console.warn(
    `page-actions-browser.test.ts: skipping "${TITLE}": no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
}

/** Focuses the link or button named `name` and presses Enter, as a keyboard user would. */
async function press(page: Page, role: 'link' | 'button', name: string): Promise<void> {
  const target = page.getByRole(role, { name, exact: true });
  await target.focus();
  await page.keyboard.press('Enter');
}

describe(`page actions in headless Chromium${HAVE_CHROMIUM ? '' : ` (skipped: no Chromium at ${CHROMIUM})`}`, () => {
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

  test(
    TITLE,
    async () => {
      // Prepare: sign in and write a page, then a second version, and a page linking to it
      const { local } = system;
      const page = await browser.newPage();
      await signInWithBrowser(page, local, { email: 'ada@example.com', name: 'Ada Keys' });
      for (const [path, text] of [
        ['Otters', '# Otters\n\nFirst.'],
        ['Otters', '# Otters\n\nSecond.'],
        ['Links', 'See [[Otters]].'],
      ]) {
        await page.goto(`${local.url}/${path}/edit`);
        await page.fill('#content', text);
        await page.getByRole('button', { name: 'Save' }).click();
        await page.waitForURL(`${local.url}/${path}`);
      }

      // Act: revert to the first version from the history
      await page.goto(`${local.url}/Otters/history`);
      const oldest = page.getByRole('link', { name: /^Revert to / }).last();
      await oldest.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/Otters\/revert\/[0-9a-f]{40}$/);
      await press(page, 'button', 'Revert');
      await page.waitForURL(`${local.url}/Otters`);
      const reverted = await page.locator('article').innerText();

      // Act: rename from the page view
      await page.goto(`${local.url}/Otters`);
      await press(page, 'link', 'Rename');
      await page.waitForURL(`${local.url}/Otters/rename`);
      await page.fill('input[name="new_pagename"]', 'Animals/Otters');
      await press(page, 'button', 'Rename');
      await page.waitForURL(`${local.url}/Animals/Otters`);
      const links = await (await page.goto(`${local.url}/Links/source?raw`))!.text();

      // Act: delete it
      await page.goto(`${local.url}/Animals/Otters`);
      await press(page, 'link', 'Delete');
      await page.waitForURL(`${local.url}/Animals/Otters/delete`);
      await press(page, 'button', 'Delete Animals/Otters');
      await page.waitForURL(`${local.url}/-/changelog`);
      const gone = await page.goto(`${local.url}/Animals/Otters`);
      await page.close();

      // Assess
      expect(links).toBe('See [[Animals/Otters]].');
      expect(reverted).toContain('First.');
      expect(gone!.status()).toBe(404);
      const git = (...args: string[]) => promisify(execFile)('git', ['-C', join(system.root, 'wiki'), ...args]);
      const log = (await git('log', '-3', '--format=%an|%s')).stdout;
      expect(log).toMatch(/^Ada Keys\|.*\nAda Keys\|.*\nAda Keys\|Revert Otters to revision [0-9a-f]{8}\n$/);
      await git('fsck', '--strict');
    },
    120_000,
  );
});
