/**
 * @module The tour's wiki, written through the browser as a person writes it: a page with every kind of markup
 * in three revisions (the last with an image dropped into the editor), a folder of pages, and a Home page.
 */
import { dropFile } from '@wikibot/browser-testing';
import type { Page } from 'playwright-core';

/** What was written: the main page's path and URL, and its revisions (oldest first). */
export interface TourWiki {
  /** The page most page types show. */
  readonly path: string;
  /** Its URL path, as the wiki writes it in links (`/Animals/Sea%20Otter`). */
  readonly href: string;
  readonly revisions: readonly string[];
  /** A folder with sub-pages. */
  readonly folder: string;
  /** The main page's attachment. */
  readonly attachment: string;
}

const SEA_OTTER = `# Sea Otter

Sea otters live along the coasts of the North Pacific. Unlike its cousin the [[Animals/River Otter]], it rarely
comes ashore. See also [[Home]] and [[Animals/Giant Otter]], a page nobody wrote yet.

## Facts

| Fact | Value |
| --- | --- |
| Length | 1.2 m |
| Weight | up to 45 kg |
| Fur | the densest of any animal[^fur] |
`;

const MORE = `
## Diet

- [x] sea urchins
- [x] crabs and clams
- [ ] anything in a tin

\`\`\`js
// Otters use stones as tools.
const tool = rocks.find((rock) => rock.fits(paw));
\`\`\`

> Sea otters hold hands while they sleep, so they do not drift apart.

[^fur]: About 150,000 hairs per square centimetre.
`;

const pageUrl = (origin: string, path: string) => `${origin}/${path.split('/').map(encodeURIComponent).join('/')}`;

/** Opens `path`'s editor, replaces the text, saves with `message`, and waits for the page view. */
async function save(page: Page, origin: string, path: string, content: string, message: string): Promise<void> {
  await page.goto(`${pageUrl(origin, path)}/edit`);
  await page.locator('#content').fill(content);
  await page.getByRole('textbox', { name: 'Commit message' }).fill(message);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/edit'));
}

/** Writes the tour's pages with `page` (signed in) on the wiki at `origin`. */
export async function writeTourWiki(page: Page, origin: string): Promise<TourWiki> {
  const path = 'Animals/Sea Otter';
  await save(page, origin, 'Home', '# Home\n\nWelcome to the otter wiki. Start at [[Animals/Sea Otter]].\n', 'Welcome');
  await save(page, origin, 'Animals/River Otter', '# River Otter\n\nLives in rivers and lakes.\n', 'River otters');
  await save(page, origin, 'Animals/Otter Tools', '# Otter Tools\n\nStones, mostly.\n', 'Tools');
  await save(page, origin, path, SEA_OTTER, 'First facts about sea otters');
  await save(page, origin, path, SEA_OTTER + MORE, 'Diet, a quote and a footnote');
  // A picture of the wiki itself, dropped into the editor: a real image, attached as the person would.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${origin}/Home`);
  const picture = await page.screenshot({ clip: { x: 160, y: 0, width: 480, height: 120 } });
  await page.goto(`${pageUrl(origin, path)}/edit`);
  // Dropped under the heading, so the picture shows without scrolling.
  await page.locator('#content').press('Control+Home');
  await page.locator('#content').press('End');
  await page.locator('#content').press('Enter');
  await dropFile(page, '#content', { name: 'wiki.png', type: 'image/png', bytes: picture });
  await page.getByRole('status').filter({ hasText: 'Attached wiki.png.' }).waitFor();
  await page.getByRole('textbox', { name: 'Commit message' }).fill('A picture');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/edit'));
  const href = new URL(page.url()).pathname;
  await page.goto(`${origin}${href}/history`);
  const revisions: string[] = [];
  for (const input of await page.locator('input[name="to"]').all())
    revisions.unshift((await input.getAttribute('value'))!);
  return { path, href, revisions, folder: '/Animals', attachment: 'wiki.png' };
}
