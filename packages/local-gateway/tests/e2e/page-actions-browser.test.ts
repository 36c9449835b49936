import { expect } from '@jest/globals';
import { signInWithBrowser } from '@wikibot/browser-testing';
import { describeInChromium } from '@wikibot/browser-testing/jest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { startTestSystem } from '../helpers/local-system.js';

/** Focuses the link or button named `name` and presses Enter, as a keyboard user would. */
async function press(page: Page, role: 'link' | 'button', name: string): Promise<void> {
  const target = page.getByRole(role, { name, exact: true });
  await target.focus();
  await page.keyboard.press('Enter');
}

describeInChromium(
  'page actions in headless Chromium',
  { start: startTestSystem, stop: (s) => s.close() },
  (suite, test) => {
    test('reverts, renames and deletes a page by keyboard in a real browser', async () => {
      // Prepare: sign in and write a page, then a second version, and a page linking to it
      const { local, root } = suite.system;
      const page = await suite.browser.newPage();
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
      const git = (...args: string[]) => promisify(execFile)('git', ['-C', join(root, 'wiki'), ...args]);
      const log = (await git('log', '-3', '--format=%an|%s')).stdout;
      expect(log).toMatch(/^Ada Keys\|.*\nAda Keys\|.*\nAda Keys\|Revert Otters to revision [0-9a-f]{8}\n$/);
      await git('fsck', '--strict');
    }, 120_000);
  },
);
