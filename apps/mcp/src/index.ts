/**
 * @wikibot/mcp — the MCP Lambda. Anything exported here is public API of the package (the local
 * gateway and tests use `createApp`; Lambda uses `handler`).
 * @module
 */
export { handler } from './handler.js';
export { createApp } from './app.js';
export type { App, AppOptions } from './app.js';
export { protectedResourceMetadata } from './auth/metadata.js';
export type { ProtectedResourceMetadata } from './auth/metadata.js';
export type { Principal } from './auth/bearer.js';
