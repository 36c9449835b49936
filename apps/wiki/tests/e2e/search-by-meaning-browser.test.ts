/**
 * The search page with results by meaning, in headless Chromium over real HTTP: the two columns side by side on a
 * wide screen and stacked on a phone, reached by keyboard, no CSP violation or script error, and axe-core's serious
 * and critical checks clean in light and dark.
 */
import { expect } from '@jest/globals';
import { loadEmbeddingsConfig } from '@wikibot/auth-config';
import { createTitanEmbeddings } from '@wikibot/bedrock';
import { startBedrockStandin } from '@wikibot/bedrock-standin';
import { seriousAxeViolations } from '@wikibot/browser-testing';
import { describeInChromium } from '@wikibot/browser-testing/jest';
import { serveWiki } from '../helpers/served-wiki.js';

const AWS = { region: 'us-east-1', accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
const AUTHOR = { name: 'Alice', email: 'alice@example.com' };

/** A served wiki whose semantic search runs through the Bedrock stand-in and its real model. */
async function startWiki() {
  const bedrock = await startBedrockStandin({ region: AWS.region });
  const env = { BEDROCK_REGION: AWS.region, BEDROCK_ENDPOINT: bedrock.url };
  const embeddings = createTitanEmbeddings({ config: loadEmbeddingsConfig(env)!, aws: AWS });
  const served = await serveWiki(env, { embeddings });
  await served.wiki.writePage('Weather', '# Weather\n\nSunny days and rain showers in the south of France.', {
    author: AUTHOR,
  });
  await served.wiki.writePage('Garden', '# Garden\n\nThe umbrella pine shades the roses in the garden.', {
    author: AUTHOR,
  });
  await served.wiki.flush();
  return { bedrock, served };
}

describeInChromium(
  'search by meaning in headless Chromium',
  { start: startWiki, stop: async (s) => (await s.served.close(), await s.bedrock.close()) },
  (suite, test) => {
    test('shows keyword matches and results by meaning side by side, reachable by keyboard, CSP- and axe-clean', async () => {
      // Prepare
      const { served } = suite.system;
      const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      // Act: search by keyboard from the search page
      await page.goto(`${served.origin}/-/search`);
      await page.locator('main input[type=search]').focus();
      await page.keyboard.type('should I pack an umbrella');
      await Promise.all([page.waitForURL(/q=should/), page.keyboard.press('Enter')]);
      // Assess: both columns, side by side
      const keyword = page.locator('section[aria-labelledby=keyword-matches]');
      const meaning = page.locator('section[aria-labelledby=related-by-meaning]');
      expect(await keyword.locator('li > a').allInnerTexts()).toEqual(['Garden']);
      expect((await meaning.locator('li > a').allInnerTexts())[0]).toBe('Weather');
      const [left, right] = [(await keyword.boundingBox())!, (await meaning.boundingBox())!];
      expect(right.x).toBeGreaterThan(left.x + left.width - 1);
      expect(Math.abs(right.y - left.y)).toBeLessThan(2);
      // Act + Assess: Tab reaches the results by meaning (after the keyword match)
      let reached = '';
      for (let i = 0; i < 40 && reached === ''; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          "document.activeElement?.closest('section[aria-labelledby=related-by-meaning]') ? " +
            'document.activeElement.textContent : ""',
        );
      }
      expect(reached).toBe('Weather');
      // Assess: stacked on a phone; axe clean in light and dark
      await page.setViewportSize({ width: 375, height: 800 });
      const [top, below] = [(await keyword.boundingBox())!, (await meaning.boundingBox())!];
      expect(below.y).toBeGreaterThanOrEqual(top.y + top.height - 1);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect([scheme, await seriousAxeViolations(page)]).toEqual([scheme, []]);
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 120_000);
  },
);
