/**
 * @module The wiki as a person sees it, ready to visit: a local system (gateway + AuthKit stand-in, as
 * `npm start` runs it) in its own process, headless Chromium, a person signed in through the stand-in's pages,
 * and a small wiki written through the browser — what the UI bench part and the screenshots script walk.
 */
import { launchChromium, signInWithBrowser } from '@wikibot/browser-testing';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { freePort, spawnLocalSystem } from '../system-process.js';
import { writeTourWiki, type TourWiki } from './tour-wiki.js';

/** Who walks the wiki. */
export const TOUR_USER = { email: 'otto@example.com', name: 'Otto Tour' };

/** A running system, a browser, and a signed-in person's cookies. */
export interface UiTour {
  /** The wiki's origin and its AuthKit's issuer. */
  readonly url: string;
  readonly issuer: string;
  readonly browser: Browser;
  /** The pages and revisions written for the tour. */
  readonly wiki: TourWiki;
  /** A new browser context; signed in as {@link TOUR_USER} unless `signedIn` is false. */
  newContext(options?: BrowserContextOptions & { signedIn?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Starts the system and Chromium under `workDir`, signs in and writes the tour's pages. */
export async function startUiTour(workDir: string): Promise<UiTour> {
  const system = await spawnLocalSystem({
    port: await freePort(),
    authPort: await freePort(),
    dataDir: join(workDir, 'wiki'),
    stateDir: workDir,
    // Pages, not semantic search, are looked at here; the Bedrock stand-in's model would cost a minute.
    semanticSearch: false,
  });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithBrowser(page, system, TOUR_USER);
    const wiki = await writeTourWiki(page, system.url);
    const storageState = await context.storageState();
    await context.close();
    const opened = browser;
    return {
      url: system.url,
      issuer: system.issuer,
      browser: opened,
      wiki,
      newContext: ({ signedIn = true, ...options } = {}) =>
        opened.newContext({ ...options, ...(signedIn ? { storageState } : {}) }),
      close: async () => {
        await opened.close();
        await system.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await system.close();
    throw error;
  }
}
