/**
 * @module `npm run screenshots`: starts the local system, signs in through Chromium, visits every page type
 * (src/ui/page-types.ts) and writes a PNG of each, light and dark at 1280×800 and a few at phone width, into
 * docs/ui/ (64-colour palettes: ~1 MB in all), with docs/ui.md showing them with a sentence each.
 */
import { CHROMIUM_SKIP_REASON, HAVE_CHROMIUM } from '@wikibot/browser-testing';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '../artifacts.js';
import { PAGE_TYPES, type PageType } from './page-types.js';
import { smallPng } from './small-png.js';
import { startUiTour, type UiTour } from './tour.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** The page types also shown at phone width. */
const ON_PHONE = ['view', 'edit'];
const docs = join(WORKSPACE_ROOT, 'docs');
const dir = join(docs, 'ui');

/** Opens `pageType` in a fresh context of `viewport` and writes one PNG per colour scheme; their file names. */
async function shoot(tour: UiTour, pageType: PageType, viewport: typeof DESKTOP, suffix: string): Promise<string[]> {
  const context = await tour.newContext({ signedIn: pageType.signedIn !== false, viewport, colorScheme: 'light' });
  const page = await context.newPage();
  const response = await pageType.open(page, tour.url, tour.wiki);
  if (response?.status() !== pageType.status) {
    throw new Error(`${pageType.type} answered ${response?.status()}, not ${pageType.status} (${page.url()})`);
  }
  const files: string[] = [];
  // The AuthKit stand-in's pages have no dark theme.
  for (const scheme of pageType.wiki === false ? (['light'] as const) : (['light', 'dark'] as const)) {
    await page.emulateMedia({ colorScheme: scheme });
    const file = `${pageType.type}${suffix}-${scheme}.png`;
    writeFileSync(join(dir, file), smallPng(await page.screenshot()));
    files.push(file);
  }
  await context.close();
  return files;
}

/** docs/ui.md: every page type with its sentence and its pictures. */
function renderDoc(shots: { pageType: PageType; files: string[] }[]): string {
  const out = [
    '# The wiki in the browser',
    '',
    'Every page type of the wiki, as `npm run screenshots` (bench/src/ui/screenshots.ts) last drew it in headless',
    "Chromium on a local system (`npm start`'s gateway and AuthKit stand-in), signed in, light and dark theme, at",
    '1280×800 and, for the view and the editor, at phone width. The page types and their sentences come from',
    'bench/src/ui/page-types.ts, the list `npm run bench` also weighs and checks with axe-core',
    '([performance.md](performance.md)).',
    '',
  ];
  for (const { pageType, files } of shots) {
    out.push(`## ${pageType.type}`, '', pageType.description, '');
    const image = (file: string) => `![${file.replace(/\.png$/, '').replace(/-/g, ' ')}](ui/${file})`;
    out.push(files.map(image).join(' '), '');
  }
  return out.join('\n');
}

if (!HAVE_CHROMIUM) {
  console.error(`screenshots: ${CHROMIUM_SKIP_REASON}`);
  process.exit(1);
}
const workDir = mkdtempSync(join(tmpdir(), 'wikibot-screenshots-'));
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const tour = await startUiTour(workDir);
try {
  const shots: { pageType: PageType; files: string[] }[] = [];
  for (const pageType of PAGE_TYPES) shots.push({ pageType, files: await shoot(tour, pageType, DESKTOP, '') });
  for (const pageType of PAGE_TYPES.filter((p) => ON_PHONE.includes(p.type))) {
    shots.find((s) => s.pageType === pageType)!.files.push(...(await shoot(tour, pageType, PHONE, '-phone')));
  }
  writeFileSync(join(docs, 'ui.md'), renderDoc(shots));
} finally {
  await tour.close();
  rmSync(workDir, { recursive: true, force: true });
}
const files = readdirSync(dir);
const bytes = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
console.log(`wrote docs/ui.md and ${files.length} PNGs in docs/ui/ (${(bytes / 1024).toFixed(0)} KB)`);
