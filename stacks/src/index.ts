/**
 * @wikibot/stacks — the CDKTF app deploying wikibot, one stack per environment.
 * Anything exported here is public API of the package (tests and tooling synthesize stacks through it).
 * @module
 */

/** Stack */
export { WikibotStack, ROUTE_KEYS } from './wikibot-stack.js';
export type { WikibotStackProps } from './wikibot-stack.js';

/** Configuration */
export { DEFAULTS, ENVIRONMENTS, loadStackConfig, parseStackConfig, selectedEnvironments } from './config.js';
export type { EnvironmentName, StackConfig, StackConfigInput } from './config.js';
export { mergeConfig, applyEnvOverrides } from './overrides.js';
export { originForDomain } from './constructs/domain.js';

/** Paths */
export { REPO_ROOT, DEFAULT_OUTDIR, artifactPath, resolveOutdir } from './paths.js';
export type { AppName } from './paths.js';

/** Errors */
export { StackConfigError, MissingArtifactError } from './errors.js';
