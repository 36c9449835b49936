/**
 * Blame and attachments in headless Chromium, by keyboard alone: from the page view to its attachments, a file
 * chosen in the plain upload form (no script), uploaded, listed, then deleted through the confirmation page; the
 * blame table reached and its commit link followed. axe-core finds no serious or critical violation on the new
 * pages, light or dark, and the strict CSP reports nothing.
 */
import { execFileSync } from 'node:child_process';
import { expect } from '@jest/globals';
import { DOT_PNG, seriousAxeViolations, type AxeFinding } from '@wikibot/browser-testing';
import { describeInChromium } from '@wikibot/browser-testing/jest';
import type { BrowserContext, Page } from 'playwright-core';
import { createSessionCookies, deriveSessionKey } from '../../src/auth/session.js';
import { serveWiki } from '../helpers/served-wiki.js';

const SESSION_SECRET = 'pages-session-secret-0123456789-abcdefghijklmnop';
const ALICE = { name: 'Alice', email: 'alice@example.com' };
const BOB = { name: 'Bob', email: 'bob@example.com' };

/** A served wiki with a page edited by two people and one attachment, and Alice's session cookie. */
async function startWiki() {
  const served = await serveWiki({ AUTHKIT_CLIENT_ID: 'client_wiki', SESSION_SECRET });
  const { wiki } = served;
  const first = await wiki.writePage('Tide Pools', '# Tide Pools\n\nAnemones.\n', { author: ALICE });
  await wiki.writePage('Tide Pools', '# Tide Pools\n\nAnemones.\nCrabs.\n', { author: BOB });
  await wiki.writeAttachment('Tide Pools', 'map.png', new Uint8Array(DOT_PNG.bytes), { author: ALICE });
  const cookies = createSessionCookies(deriveSessionKey(SESSION_SECRET), { secure: false });
  const [pair] = (
    await cookies.sessionCookie({ sub: 'user_alice', name: ALICE.name, email: ALICE.email, emailVerified: true })
  ).split(';');
  const cookie = { name: pair!.slice(0, pair!.indexOf('=')), value: pair!.slice(pair!.indexOf('=') + 1) };
  return { served, cookie, first: first.revision };
}

type System = Awaited<ReturnType<typeof startWiki>>;

/** A signed-in browser context and a page that records console errors (CSP violations among them). */
async function signedIn(system: System, context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  await context.addCookies([{ ...system.cookie, url: system.served.origin }]);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

/** Presses Tab until the focused element matches `selector` (at most 80 times); fails if it never does. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    // Page code as text: this package's types have no DOM.
    const focused = `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`;
    if (await page.evaluate(focused)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Presses Enter on the focused element and waits for the page it leads to. */
async function enter(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

describeInChromium(
  'blame and attachments in headless Chromium',
  { start: startWiki, stop: (s) => s.served.close() },
  (suite, test) => {
    test('uploads a file and deletes it again by keyboard, with the plain form and the confirmation', async () => {
      // Prepare
      const { served } = suite.system;
      const context = await suite.browser.newContext();
      const { page, problems } = await signedIn(suite.system, context);
      await page.goto(`${served.origin}/Tide%20Pools`);
      // Act: page view → Attachments
      await tabTo(page, 'a[href="/Tide%20Pools/attachments"]');
      await enter(page);
      expect(new URL(page.url()).pathname).toBe('/Tide%20Pools/attachments');
      // Act: the file input (a file chooser is the OS's: the file is handed to the focused input), message, Upload
      await tabTo(page, 'input[type=file][name=file]');
      await page
        .locator(':focus')
        .setInputFiles({ name: 'tide chart.png', mimeType: 'image/png', buffer: Buffer.from(DOT_PNG.bytes) });
      await tabTo(page, 'input[name=message]');
      await page.keyboard.type('Chart of the pools');
      await tabTo(page, 'form.upload button[type=submit]');
      await enter(page);
      // Assess: back on the list, the file there and served, one commit by Alice
      expect(new URL(page.url()).pathname).toBe('/Tide%20Pools/attachments');
      await expect(page.locator('a[href="/Tide%20Pools/a/tide_chart.png"]').innerText()).resolves.toBe(
        'tide_chart.png',
      );
      const git = (...args: string[]) => execFileSync('git', ['-C', served.wiki.dir, ...args], { encoding: 'utf8' });
      expect(git('log', '-1', '--format=%an|%s').trim()).toBe('Alice|Chart of the pools');
      // Act: its delete link → the confirmation → Delete
      await tabTo(page, 'a[aria-label="Delete tide_chart.png"]');
      await enter(page);
      expect(new URL(page.url()).pathname).toBe('/Tide%20Pools/attachment/tide_chart.png');
      await tabTo(page, 'button[name=delete]');
      await enter(page);
      // Assess
      expect(new URL(page.url()).pathname).toBe('/Tide%20Pools/attachments');
      expect(await page.locator('a[href="/Tide%20Pools/a/tide_chart.png"]').count()).toBe(0);
      expect(git('ls-files')).not.toContain('tide_chart.png');
      expect(git('log', '-1', '--format=%an|%s').trim()).toBe('Alice|Delete tide_chart.png');
      await context.close();
      expect(problems).toEqual([]);
    }, 90_000);

    test('refuses files over the limit before sending them, saying why (Lambda could not carry them)', async () => {
      const { served } = suite.system;
      const context = await suite.browser.newContext();
      const { page, problems } = await signedIn(suite.system, context);
      const head = () => execFileSync('git', ['-C', served.wiki.dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
      const before = head();
      await page.goto(`${served.origin}/Tide%20Pools/attachments`);
      const big = { name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(6_000_000) };
      await page.locator('input[type=file]').setInputFiles(big);
      await tabTo(page, 'form.upload button[type=submit]');
      await page.keyboard.press('Enter');
      const alert = page.locator('#upload-refusal');
      await alert.waitFor({ state: 'visible' });
      expect(await alert.innerText()).toContain('come to 6,000,000 bytes; at most 4,194,304 can be uploaded');
      expect(new URL(page.url()).pathname).toBe('/Tide%20Pools/attachments');
      expect(head()).toBe(before);
      await context.close();
      expect(problems).toEqual([]);
    }, 60_000);

    test('reaches the blame table by keyboard, scrolls it, and follows a commit link to the commit view', async () => {
      const { served } = suite.system;
      const context = await suite.browser.newContext();
      const { page, problems } = await signedIn(suite.system, context);
      await page.goto(`${served.origin}/Tide%20Pools`);
      await tabTo(page, 'a[href="/Tide%20Pools/blame"]');
      await enter(page);
      expect(await page.locator('table.blame tbody tr').count()).toBe(4);
      await tabTo(page, 'div.scroll[role=region]');
      await tabTo(page, 'table.blame td.rev a');
      const href = await page.locator(':focus').getAttribute('href');
      await enter(page);
      expect(new URL(page.url()).pathname).toBe(href);
      expect(href).toMatch(/^\/-\/commit\/[0-9a-f]{40}$/);
      await context.close();
      expect(problems).toEqual([]);
    }, 60_000);

    for (const scheme of ['light', 'dark'] as const) {
      test(`axe-core: no serious or critical violation on blame, attachments, delete (${scheme})`, async () => {
        const { served, first } = suite.system;
        const context = await suite.browser.newContext({ colorScheme: scheme });
        const { page, problems } = await signedIn(suite.system, context);
        const pages = {
          blame: '/Tide%20Pools/blame',
          'old blame': `/Tide%20Pools/blame?revision=${first}`,
          attachments: '/Tide%20Pools/attachments',
          'delete attachment': '/Tide%20Pools/attachment/map.png',
        };
        const found: Record<string, AxeFinding[]> = {};
        for (const [type, path] of Object.entries(pages)) {
          const response = await page.goto(`${served.origin}${path}`);
          expect([type, response?.status()]).toEqual([type, 200]);
          const serious = await seriousAxeViolations(page);
          if (serious.length > 0) found[type] = serious;
        }
        await context.close();
        expect(found).toEqual({});
        expect(problems).toEqual([]);
      }, 120_000);
    }
  },
);
