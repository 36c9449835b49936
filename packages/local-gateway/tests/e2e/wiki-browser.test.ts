import { expect } from '@jest/globals';
import { DOT_PNG, dropFile, signInWithBrowser } from '@wikibot/browser-testing';
import { describeInChromium } from '@wikibot/browser-testing/jest';
import type { Page } from 'playwright-core';
import { startTestSystem } from '../helpers/local-system.js';

// Code run in the page is passed as text: a DOM lib reference would retype Headers for the whole program.

/** Selects the textarea's text from `fromEnd` characters before its end to the end. */
function selectLast(page: Page, fromEnd: number): Promise<void> {
  return page.evaluate(`(() => {
    const textarea = document.querySelector('#content');
    textarea.setSelectionRange(textarea.value.length - ${fromEnd}, textarea.value.length);
  })()`);
}

describeInChromium(
  'the wiki in headless Chromium',
  { start: startTestSystem, stop: (s) => s.close() },
  (suite, test) => {
    test('signs in, edits, saves and sees the history in a real browser', async () => {
      // Prepare
      const { local } = suite.system;
      const page = await suite.browser.newPage();

      // Act: sign in through the stand-in's pages
      await signInWithBrowser(page, local, { email: 'linus@example.com', name: 'Linus Browser' });

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

    test('previews as the page renders, formats from the toolbar, saves with Ctrl+S and attaches a dropped image', async () => {
      // Prepare: sign in; collect what the CSP blocks
      const { local } = suite.system;
      const page = await suite.browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await signInWithBrowser(page, local, { email: 'ada@example.com', name: 'Ada Editor' });

      // Act: type, and see the server's rendering in the preview (a WikiLink to a missing page is red)
      await page.goto(`${local.url}/Editor%20Page/edit`);
      const preview = page.getByRole('region', { name: 'Preview' });
      await page.fill('#content', '# Editor Page\n\nSee [[Nowhere]].\n\nword');
      await preview.locator('a.wikilink.missing', { hasText: 'Nowhere' }).waitFor();

      // Act: select "word", make it bold from the toolbar, then add a list line by keyboard only
      await selectLast(page, 4);
      await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold' }).click();
      await preview.locator('strong', { hasText: 'word' }).waitFor();
      await page.locator('#content').press('End');
      await page.locator('#content').press('Enter');
      await page.locator('#content').pressSequentially('item');
      await page.getByRole('button', { name: 'Bold' }).focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      const focused = await page.evaluate("document.activeElement.getAttribute('aria-label')");
      await page.keyboard.press('Enter');
      await preview.locator('li', { hasText: 'item' }).waitFor();

      // Act: save with Ctrl+S
      await page.locator('#content').press('Control+s');
      await page.waitForURL(`${local.url}/Editor%20Page`);
      const saved = await page.locator('article').innerHTML();
      const editorOnView = await page.locator('script[src*="editor.js"]').count();

      // Act: edit again, drop an image at the end, see it in the preview, save
      await page.goto(`${local.url}/Editor%20Page/edit`);
      await selectLast(page, 0);
      await dropFile(page, '#content', DOT_PNG);
      await page.getByRole('status').filter({ hasText: 'Attached dot.png.' }).waitFor();
      const inserted = await page.locator('#content').inputValue();
      await preview.locator('img[src="/Editor%20Page/a/dot.png"]').waitFor();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(`${local.url}/Editor%20Page`);
      const image = page.locator('article img');
      await image.waitFor();
      const imageWidth = await page.evaluate("document.querySelector('article img').naturalWidth");
      await page.close();

      // Assess
      expect(focused).toBe('Bulleted list');
      expect(saved).toContain('<strong>word</strong>');
      expect(saved).toMatch(/<li>item<\/li>/);
      expect(editorOnView).toBe(0);
      expect(inserted).toContain('![dot.png](./a/dot.png)');
      expect(imageWidth).toBe(1);
      expect(violations).toEqual([]);
    }, 120_000);
  },
);
