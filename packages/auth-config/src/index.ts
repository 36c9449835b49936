/**
 * @wikibot/auth-config — origin, resource URL, AuthKit issuer, access policy and secret references.
 * Anything exported here is public API of the package.
 * @module
 */

/** Runtime configuration */
export { loadConfig, resolveIssuer, MCP_SCOPES } from './config.js';
export type { WikibotConfig, AuthkitConfig } from './config.js';

/** Embedding model settings (semantic search) */
export { loadEmbeddingsConfig, DEFAULT_EMBEDDING_MODEL_ID, EMBEDDING_DIMENSIONS } from './embeddings.js';
export type { EmbeddingsConfig } from './embeddings.js';

/** URL derivation */
export {
  MCP_PATH,
  resolvePublicOrigin,
  resolveResourceUrl,
  protectedResourceMetadataUrl,
  authorizationServerMetadataUrl,
  openIdConfigurationUrl,
  isLoopbackHost,
  isLoopbackAuthority,
} from './origin.js';
export { mcpAllowedOrigins } from './browser-origins.js';

/** Access policy */
export { parseAccessPolicy, accessByEmail, maxAccess, refusalMessage } from './access-policy.js';
export type { AccessPolicy, AccessLevel } from './access-policy.js';

/** Secrets */
export { secretRef } from './secrets.js';
export type { SecretRef } from './secrets.js';

/** Errors */
export { ConfigError } from './errors.js';
