/**
 * @wikibot/identity/testing — real local servers and attack tokens for tests of this package and of the
 * apps that use it (`@wikibot/identity/testing`). Never imported by Lambda code.
 * @module
 */
export { listen } from './listen.js';
export type { TestServer } from './listen.js';
export { startTestIssuer } from './test-issuer.js';
export type { TestIssuer } from './test-issuer.js';
export { refusedTokens } from './attack-tokens.js';
export { startSsmServer, TEST_AWS } from './ssm-server.js';
export type { SsmServer } from './ssm-server.js';
export { startWorkosServer } from './workos-server.js';
export type { WorkosServer, WorkosTestUser } from './workos-server.js';
