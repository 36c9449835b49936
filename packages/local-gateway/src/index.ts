/**
 * @wikibot/local-gateway — the synthesized dev stack served on localhost: API Gateway HTTP API
 * semantics in front of the packaged Lambda artifacts, next to the AuthKit stand-in.
 * Anything exported here is public API of the package.
 * @module
 */

/** The whole local system */
export { startLocalSystem, LOCAL_WIKI_CLIENT_ID } from './local-system.js';
export { readSettings, localStateDir, LOCAL_ACCESS_POLICY, DEFAULT_PORT, DEFAULT_AUTH_PORT } from './config.js';
export type { LocalSettings } from './config.js';
export { inspectDataDir, describePlan, MAX_IMPORT_ENTRIES } from './data-dir.js';
export type { DataDirPlan } from './data-dir.js';
export type { ImportSummary } from './markdown-import.js';
export { checkPorts, identifyWikibot } from './port-check.js';
export type { LocalSystem, LocalSystemOptions } from './local-system.js';
export { DEV_STACK_FILE, DEFAULT_WIKI_DATA_DIR, REPO_ROOT } from './paths.js';

/** Building blocks */
export { startGateway, interpretResult, MAX_REQUEST_BYTES } from './gateway.js';
export { MAX_INVOKE_REQUEST_BYTES, MAX_INVOKE_RESPONSE_BYTES } from './lambda-payload.js';
export type { Gateway, GatewayOptions, RouteInvoker } from './gateway.js';
export { FunctionPool, resolveHandler, workerResourceLimits, DEFAULT_POOL_SIZE } from './function-pool.js';
export type { FunctionPoolOptions } from './function-pool.js';
export { unpackArtifact, DEFAULT_ARTIFACT_CACHE } from './artifact-cache.js';
export { localEnvironment } from './environment.js';
export type { LocalOverrides } from './environment.js';

/** Errors */
export { LocalStackError, InvocationError, SettingsError } from './errors.js';
