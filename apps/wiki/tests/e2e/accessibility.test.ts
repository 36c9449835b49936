import { expect } from '@jest/globals';
import { seriousAxeViolations, type AxeFinding } from '@wikibot/browser-testing';
import { describeInChromium } from '@wikibot/browser-testing/jest';
import { createSessionCookies, deriveSessionKey } from '../../src/auth/session.js';
import { serveWiki } from '../helpers/served-wiki.js';

const SESSION_SECRET = 'a11y-session-secret-0123456789-abcdefghijklmnop';
const ALICE = { name: 'Alice', email: 'alice@example.com' };

/** A served wiki with a page of every kind of markup, its history, a folder, and a signed-in session's cookie. */
async function startWiki() {
  const served = await serveWiki({ AUTHKIT_CLIENT_ID: 'client_wiki', SESSION_SECRET });
  const { wiki } = served;
  const body =
    '# Home\n\nOtters [[Projects/Wikibot]], a [missing link](Nowhere).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n```js\nconst otter = 1;\n```\n';
  const v1 = await wiki.writePage('Home', body, { author: ALICE, message: 'first' });
  const v2 = await wiki.writePage('Home', `${body}\nMore about otters.\n`, { author: ALICE, message: 'second' });
  await wiki.writePage('Projects/Wikibot', '# Wikibot\n\nAbout otters.', { author: ALICE });
  const guide = '# Guide\n\n## Install\n\nSteps.\n\n### On Linux\n\nMore.\n\n## Use\n\nText.\n';
  await wiki.writePage('Projects/Wikibot/Guide', guide, { author: ALICE });
  await wiki.writePage('Projects/Other', 'Other.', { author: ALICE });
  const cookies = createSessionCookies(deriveSessionKey(SESSION_SECRET), { secure: false });
  const [pair] = (
    await cookies.sessionCookie({ sub: 'user_alice', name: ALICE.name, email: ALICE.email, emailVerified: true })
  ).split(';');
  const cookie = { name: pair!.slice(0, pair!.indexOf('=')), value: pair!.slice(pair!.indexOf('=') + 1) };
  const pages: Record<string, string> = {
    view: '/Home',
    edit: '/Home/edit',
    history: '/Home/history',
    diff: `/Home/diff?from=${v1.revision}&to=${v2.revision}`,
    search: '/-/search?q=otters',
    changelog: '/-/changelog',
    folder: '/Projects',
    tree: '/Projects/Wikibot/Guide',
    commit: `/-/commit/${v2.revision}`,
    index: '/-/index',
    missing: '/Nowhere',
  };
  return { served, cookie, pages };
}

describeInChromium(
  'axe-core on every page type',
  { start: startWiki, stop: (s) => s.served.close() },
  (suite, test) => {
    for (const scheme of ['light', 'dark'] as const) {
      test(`reports no serious or critical violation on view, edit, history, diff, search, changelog and folder pages (${scheme})`, async () => {
        const { served, cookie, pages } = suite.system;
        const context = await suite.browser.newContext({ colorScheme: scheme });
        await context.addCookies([{ ...cookie, url: served.origin }]);
        const page = await context.newPage();
        const found: Record<string, AxeFinding[]> = {};
        for (const [type, path] of Object.entries(pages)) {
          const response = await page.goto(`${served.origin}${path}`);
          expect([type, response?.status()]).toEqual([type, type === 'missing' ? 404 : 200]);
          const serious = await seriousAxeViolations(page);
          if (serious.length > 0) found[type] = serious;
        }
        await context.close();
        expect(found).toEqual({});
      }, 120_000);
    }
  },
);
