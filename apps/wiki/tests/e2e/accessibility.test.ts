import { expect } from '@jest/globals';
import { DOT_PNG, seriousAxeViolations, type AxeFinding } from '@wikibot/browser-testing';
import { describeInChromium } from '@wikibot/browser-testing/jest';
import { createSessionCookies, deriveSessionKey } from '../../src/auth/session.js';
import { serveWiki } from '../helpers/served-wiki.js';

const SESSION_SECRET = 'a11y-session-secret-0123456789-abcdefghijklmnop';
const ALICE = { name: 'Alice', email: 'alice@example.com' };

/** A served wiki with a page of every kind of markup, its history, a folder, and a signed-in session's cookie. */
async function startWiki() {
  const served = await serveWiki({ AUTHKIT_CLIENT_ID: 'client_wiki', SESSION_SECRET });
  const { wiki } = served;
  // Running prose with links (told apart from the text by more than colour), a code comment, a footnote, and a
  // second revision whose long line makes the diff scroll sideways (reachable by keyboard).
  const prose =
    'Sea otters live along the coasts of the North Pacific and rarely come ashore; read [[Projects/Wikibot]] ' +
    'or [[Projects/Other]] for more about the animals, their habits and the stones they use as tools.[^fur]';
  const body =
    `# Home\n\nOtters [[Projects/Wikibot]], a [missing link](Nowhere).\n\n${prose}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n` +
    '- [x] done\n\n```js\n// Otters use stones as tools.\nconst otter = 1;\n```\n\n[^fur]: The densest fur of any animal.\n';
  const v1 = await wiki.writePage('Home', body, { author: ALICE, message: 'first' });
  const longLine = `More about otters. ${'Otters hold hands while they sleep, so they do not drift apart. '.repeat(4)}`;
  const v2 = await wiki.writePage('Home', `${body}\n${longLine}\n`, { author: ALICE, message: 'second' });
  await wiki.writePage('Projects/Wikibot', '# Wikibot\n\nAbout otters.', { author: ALICE });
  const guide = '# Guide\n\n## Install\n\nSteps.\n\n### On Linux\n\nMore.\n\n## Use\n\nText.\n';
  await wiki.writePage('Projects/Wikibot/Guide', guide, { author: ALICE });
  await wiki.writePage('Projects/Other', 'Other.', { author: ALICE });
  await wiki.writeAttachment('Home', 'dot.png', new Uint8Array(DOT_PNG.bytes), { author: ALICE });
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
    source: '/Home/source',
    revision: `/Home/revision/${v1.revision}`,
    revert: `/Home/revert/${v1.revision}`,
    rename: '/Home/rename',
    delete: '/Home/delete',
    blame: '/Home/blame',
    attachments: '/Home/attachments',
    'attachment-delete': '/Home/attachment/dot.png',
    create: '/-/create',
  };
  return { served, cookie, pages };
}

describeInChromium(
  'axe-core on every page type',
  { start: startWiki, stop: (s) => s.served.close() },
  (suite, test) => {
    for (const scheme of ['light', 'dark'] as const) {
      test(`reports no serious or critical violation on any page type (${scheme})`, async () => {
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

    test('every page type fits a phone 320 px wide: nothing makes the page scroll sideways (WCAG reflow)', async () => {
      const { served, cookie, pages } = suite.system;
      const context = await suite.browser.newContext({ viewport: { width: 320, height: 640 } });
      await context.addCookies([{ ...cookie, url: served.origin }]);
      const page = await context.newPage();
      const wider: Record<string, number> = {};
      for (const [type, path] of Object.entries(pages)) {
        await page.goto(`${served.origin}${path}`);
        const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
        if (width > 320) wider[type] = width;
      }
      await context.close();
      expect(wider).toEqual({});
    }, 60_000);
  },
);
