/**
 * @wikibot/wiki — the wiki shim: HTML UI on Otterwiki's URL scheme and the /api/v1 REST API.
 * Anything exported here is public API of the package.
 * @module
 */

/** The app */
export { createWikiApp } from './app.js';
export type { WikiApp, WikiAppOptions } from './app.js';

/** Rendering (used by tests and by anyone embedding pages) */
export { renderMarkdown } from './render/markdown.js';
export { isSafeUrl } from './render/safe-url.js';
export { CONTENT_SECURITY_POLICY } from './http/security-headers.js';
