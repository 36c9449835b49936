/**
 * @wikibot/authkit-standin/testing — helpers for tests that sign in through the stand-in with the MCP SDK's own
 * OAuth client. Anything exported here is public API of the subpath.
 * @module
 */
export { TestOAuthProvider, REDIRECT_URL } from './oauth-client-provider.js';
