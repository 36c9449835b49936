/**
 * @wikibot/identity — who is calling and what they may do: JWT verification against the issuer's JWKS,
 * static API keys, the access policy (with WorkOS organization membership) and SSM secrets.
 * Shared by apps/mcp and apps/wiki. Anything exported here is public API of the package.
 * @module
 */

/** Tokens */
export { createTokenVerifier, DEFAULT_ALGORITHMS } from './token-verifier.js';
export type { TokenVerifier, TokenVerifierOptions, VerifiedToken } from './token-verifier.js';

/** The one bearer authenticator of /mcp and /api/v1, and the one git-author rule */
export { createBearerAuthenticator, API_KEY_PRINCIPAL } from './bearer.js';
export type { BearerAuthenticatorOptions, BearerFailure, Principal } from './bearer.js';
export { createAuthorResolver, gitAuthor } from './author.js';
export type { AuthorResolverOptions, AuthorSubject, GitAuthor } from './author.js';

/** API keys */
export { apiKeyMatches } from './api-key.js';

/** Access policy */
export { createAccessResolver } from './access.js';
export type { AccessResolver, AccessResolverOptions, AccessSubject } from './access.js';

/** WorkOS directory */
export { createUserDirectory } from './user-directory.js';
export { workosApiOrigin } from './workos-rest.js';
export type { DirectoryUser, UserDirectory, UserDirectoryOptions } from './user-directory.js';

/** Secrets */
export { createSecretResolver, awsAccessFromEnv } from './secrets.js';
export type { AwsAccess, SecretResolver, SecretResolverOptions } from './secrets.js';

/** Errors */
export {
  IdentityError,
  InvalidTokenError,
  VerifierUnavailableError,
  SecretUnavailableError,
  DirectoryUnavailableError,
} from './errors.js';
