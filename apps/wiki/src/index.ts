/**
 * @wikibot/wiki — the wiki shim: HTML UI on Otterwiki's URL scheme and the /api/v1 REST API.
 * Anything exported here is public API of the package.
 * @module
 */

/** The app */
export { createWikiApp } from './app.js';
export type { WikiApp, WikiAppOptions } from './app.js';

/** Rendering (used by tests and by anyone embedding pages) */
export { isSafeUrl, renderMarkdown } from '@wikibot/wiki-render';
export { CONTENT_SECURITY_POLICY } from './http/security-headers.js';
