import { expect } from '@jest/globals';
import { seriousAxeViolations } from '../../src/index.js';
import { describeInChromium } from '../../src/jest.js';

const CLEAN = '<!doctype html><html lang="en"><title>Clean</title><main><h1>Otters</h1><p>Fine.</p></main></html>';
const DOT_GIF = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const BROKEN = `<!doctype html><html lang="en"><title>Broken</title><main><h1>Otters</h1><img src="${DOT_GIF}"></main></html>`;

describeInChromium(
  'axe-core in headless Chromium',
  { start: async () => ({ pages: [CLEAN, BROKEN] }), stop: async () => undefined },
  (suite, test) => {
    test('finds an image without alternative text, and nothing on a clean page', async () => {
      // Prepare
      const page = await suite.browser.newPage();
      // Act
      await page.setContent(suite.system.pages[0]!);
      const clean = await seriousAxeViolations(page);
      await page.setContent(suite.system.pages[1]!);
      const broken = await seriousAxeViolations(page);
      await page.close();
      // Assess
      expect(clean).toEqual([]);
      expect(broken).toEqual([{ id: 'image-alt', impact: 'critical', nodes: [expect.stringContaining('<img')] }]);
    });
  },
);
