/**
 * @wikibot/browser-testing — headless Chromium for browser tests, the screenshots script and the bench. Test code
 * only: never imported by a Lambda. The jest `describe` lives apart, in `@wikibot/browser-testing/jest`.
 * @module
 */
/** Debian's Chromium via playwright-core. */
export { CHROMIUM_PATH, CHROMIUM_SKIP_REASON, HAVE_CHROMIUM, launchChromium } from './chromium.js';
/** Signing in through the AuthKit stand-in's pages. */
export { signInWithBrowser, type BrowserUser, type SignInOrigins } from './sign-in.js';
/** axe-core's serious and critical findings on a page. */
export { seriousAxeViolations, type AxeFinding } from './axe.js';
/** Dropping a file on an element, as from the desktop. */
export { DOT_PNG, dropFile, type DroppedFile } from './drop-file.js';
