/**
 * @wikibot/authkit-standin — a local stand-in for WorkOS AuthKit (a real oidc-provider authorization
 * server) and a fake of the WorkOS user-management API. Local development and tests only; never bundled
 * into a Lambda. Anything exported here is public API of the package.
 * @module
 */

/** Starting the stand-in */
export { startAuthkitStandin } from './standin.js';
export type { AuthkitStandin, AuthkitStandinOptions } from './standin.js';

/** Shapes and constants */
export { STANDIN_SCOPES, STANDIN_ROUTES, isMcpResource } from './provider.js';
export type { StandinClient } from './provider.js';
export { userIdForEmail } from './users.js';

/** Driving the sign-in and consent forms without a browser */
export { authorizeWithForms } from './form-driver.js';
export type { AuthorizeWithFormsOptions } from './form-driver.js';
