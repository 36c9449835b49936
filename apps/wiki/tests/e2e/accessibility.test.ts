import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { createSessionCookies, deriveSessionKey } from '../../src/auth/session.js';
import { HAVE_CHROMIUM, launchChromium, SKIP_REASON } from '../helpers/chromium.js';
import { serveWiki, type ServedWiki } from '../helpers/served-wiki.js';

const test = HAVE_CHROMIUM ? it : it.skip;
if (!HAVE_CHROMIUM) console.warn(`accessibility.test.ts: skipping: ${SKIP_REASON}`);

const SESSION_SECRET = 'a11y-session-secret-0123456789-abcdefghijklmnop';
const ALICE = { name: 'Alice', email: 'alice@example.com' };

/** What axe reports for one page: its serious and critical violations, with the offending markup. */
interface Finding {
  readonly id: string;
  readonly impact: string;
  readonly nodes: string[];
}

describe(`axe-core on every page type${HAVE_CHROMIUM ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let served: ServedWiki;
  let browser: Browser;
  let axeSource: string;
  let cookie: { name: string; value: string };
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return;
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    served = await serveWiki({ AUTHKIT_CLIENT_ID: 'client_wiki', SESSION_SECRET });
    const { wiki } = served;
    const body =
      '# Home\n\nOtters [[Projects/Wikibot]], a [missing link](Nowhere).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n```js\nconst otter = 1;\n```\n';
    const v1 = await wiki.writePage('Home', body, { author: ALICE, message: 'first' });
    const v2 = await wiki.writePage('Home', `${body}\nMore about otters.\n`, { author: ALICE, message: 'second' });
    await wiki.writePage('Projects/Wikibot', '# Wikibot\n\nAbout otters.', { author: ALICE });
    const cookies = createSessionCookies(deriveSessionKey(SESSION_SECRET), { secure: false });
    const [pair] = (
      await cookies.sessionCookie({ sub: 'user_alice', name: ALICE.name, email: ALICE.email, emailVerified: true })
    ).split(';');
    cookie = { name: pair!.slice(0, pair!.indexOf('=')), value: pair!.slice(pair!.indexOf('=') + 1) };
    Object.assign(pages, {
      view: '/Home',
      edit: '/Home/edit',
      history: '/Home/history',
      diff: `/Home/diff?from=${v1.revision}&to=${v2.revision}`,
      search: '/-/search?q=otters',
      changelog: '/-/changelog',
      folder: '/Projects',
      index: '/-/index',
      missing: '/Nowhere',
    });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`reports no serious or critical violation on view, edit, history, diff, search, changelog and folder pages (${scheme})`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      await context.addCookies([{ ...cookie, url: served.origin }]);
      const page = await context.newPage();
      const found: Record<string, Finding[]> = {};
      for (const [type, path] of Object.entries(pages)) {
        const response = await page.goto(`${served.origin}${path}`);
        expect([type, response?.status()]).toEqual([type, type === 'missing' ? 404 : 200]);
        // Evaluated through the DevTools protocol, which the page's CSP (no inline script) does not govern.
        await page.evaluate(axeSource);
        const violations =
          (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
          id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.html.slice(0, 160)) })))`)) as Finding[];
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        if (serious.length > 0) found[type] = serious;
      }
      await context.close();
      expect(found).toEqual({});
    }, 120_000);
  }
});
