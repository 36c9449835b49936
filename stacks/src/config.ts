/**
 * @module The one typed configuration of each environment's stack. Defaults live here; an operator
 * overrides them without editing code: a JSON file named by `WIKIBOT_CONFIG`, then `WIKIBOT_<ENV>_<KEY>`
 * environment variables (see docs/deploy.md). Everything is validated with zod before a resource exists.
 */
import { readFileSync } from 'node:fs';
import {
  DEFAULT_EMBEDDING_MODEL_ID,
  loadEmbeddingsConfig,
  mcpAllowedOrigins,
  parseAccessPolicy,
  resolveIssuer,
} from '@wikibot/auth-config';
import type { z } from 'zod';
import { stackConfigSchema } from './config-schema.js';
import { StackConfigError } from './errors.js';
import { applyEnvOverrides, mergeConfig } from './overrides.js';

/** The environments this app synthesizes, one stack each. */
export const ENVIRONMENTS = ['dev', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

/** One environment's stack settings, validated. */
export type StackConfig = Omit<z.infer<typeof stackConfigSchema>, 'accessPolicy'> & {
  /** The access policy as the JSON text handed to the Lambdas (`ACCESS_POLICY`). */
  readonly accessPolicy: string;
};

/** What a JSON override file or `WIKIBOT_<ENV>_*` may set: any part of a {@link StackConfig}. */
export type StackConfigInput = z.input<typeof stackConfigSchema>;

const network = (second: number, egress: 'nat-gateway' | 'nat-instance') => ({
  mode: 'create' as const,
  cidr: `10.${second}.0.0/16`,
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
  privateSubnetCidrs: [`10.${second}.0.0/20`, `10.${second}.16.0/20`],
  publicSubnetCidrs: [`10.${second}.128.0/24`, `10.${second}.129.0/24`],
  egress,
  natInstanceType: 't4g.nano',
});

/** Thresholds of the alarms (docs/operations.md); `email` is the operator's to set. */
const alarms = (discoveryHealthCheck: boolean) => ({
  api5xxPercent: 1,
  api4xxPercent: 50,
  minimumRequests: 20,
  discoveryHealthCheck,
});

/** Titan Text Embeddings V2 at 512 dimensions: the semantic-search client's defaults (@wikibot/auth-config). */
const bedrock = { embeddingModelId: DEFAULT_EMBEDDING_MODEL_ID, embeddingDimensions: 512 as const };

/** Daily at 03:00 UTC, kept 35 days (what EFS automatic backups keep). */
const backup = { retentionDays: 35, schedule: 'cron(0 3 * * ? *)' };

const secrets = (env: string) => ({
  workosApiKey: `/wikibot/${env}/workos-api-key`,
  sessionSecret: `/wikibot/${env}/session-secret`,
  authkitClientSecret: `/wikibot/${env}/authkit-client-secret`,
});

/** The defaults, per environment. The AuthKit domain and access policy are placeholders to override. */
export const DEFAULTS: Readonly<Record<EnvironmentName, StackConfigInput>> = {
  dev: {
    environment: 'dev',
    region: 'eu-west-1',
    domain: { name: 'dev.wikibot.io', hostedZoneName: 'wikibot.io' },
    functions: { mcp: { memoryMb: 512, timeoutSeconds: 29 }, wiki: { memoryMb: 512, timeoutSeconds: 29 } },
    throttling: { burstLimit: 50, rateLimit: 25 },
    logRetentionDays: 14,
    // dev: an ARM NAT instance (~$7 a month) — minutes without egress while it recovers are acceptable here.
    network: network(10, 'nat-instance'),
    protectData: false,
    backup,
    alarms: alarms(false),
    bedrock,
    accessPolicy: { writers: ['@wikibot.io'], readers: [] },
    wikiReadAccess: 'public',
    retainPageNameCase: false,
    mcpAllowedOrigins: [],
    authkit: { domain: 'https://wikibot-dev.authkit.app' },
    secrets: secrets('dev'),
    ssmKmsKeyAlias: 'alias/aws/ssm',
    terraformCloud: { workspace: 'wikibot-dev', hostname: 'app.terraform.io' },
  },
  prod: {
    environment: 'prod',
    region: 'eu-west-1',
    domain: { name: 'wikibot.io', hostedZoneName: 'wikibot.io' },
    functions: { mcp: { memoryMb: 1024, timeoutSeconds: 29 }, wiki: { memoryMb: 1024, timeoutSeconds: 29 } },
    throttling: { burstLimit: 200, rateLimit: 100 },
    logRetentionDays: 90,
    // prod: the managed NAT gateway — no OS to patch, no single instance between users and sign-in.
    network: network(20, 'nat-gateway'),
    protectData: true,
    backup,
    alarms: alarms(true),
    bedrock,
    accessPolicy: { writers: ['@wikibot.io'], readers: [] },
    wikiReadAccess: 'public',
    retainPageNameCase: false,
    mcpAllowedOrigins: [],
    authkit: { domain: 'https://wikibot.authkit.app' },
    secrets: secrets('prod'),
    ssmKmsKeyAlias: 'alias/aws/ssm',
    terraformCloud: { workspace: 'wikibot-prod', hostname: 'app.terraform.io' },
  },
};

/**
 * Validates one environment's settings. Throws a {@link StackConfigError} naming the key at fault.
 * The AuthKit domain, access policy, MCP origins and Bedrock settings are checked with the functions the Lambdas
 * use at start-up, so a value they would refuse fails the synth instead of a cold start.
 */
export function parseStackConfig(raw: unknown, name = 'config'): StackConfig {
  const parsed = stackConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StackConfigError(`${name}.${issue.path.join('.')}`, issue.message);
  }
  const config = parsed.data;
  const accessPolicy =
    typeof config.accessPolicy === 'string' ? config.accessPolicy : JSON.stringify(config.accessPolicy);
  try {
    parseAccessPolicy(accessPolicy, `${name}.accessPolicy`);
    // The public origin is not known before deploy without a domain; any https origin checks the list's entries.
    mcpAllowedOrigins('https://wikibot.invalid', config.mcpAllowedOrigins.join(','), `${name}.mcpAllowedOrigins`);
    resolveIssuer(config.authkit.domain);
    const { bedrock } = config;
    loadEmbeddingsConfig({
      BEDROCK_REGION: bedrock.region ?? config.region,
      BEDROCK_EMBEDDING_MODEL_ID: bedrock.embeddingModelId,
      BEDROCK_EMBEDDING_DIMENSIONS: String(bedrock.embeddingDimensions),
    });
  } catch (cause) {
    throw new StackConfigError(name, (cause as Error).message, { cause });
  }
  return { ...config, accessPolicy };
}

/**
 * The settings of one environment: {@link DEFAULTS}, then the environment's entry of the JSON file
 * named by `WIKIBOT_CONFIG`, then `WIKIBOT_<ENV>_<KEY>` variables (see {@link applyEnvOverrides}).
 *
 * @param name - `dev` or `prod`
 * @param env - the process environment (only `WIKIBOT_*` is read)
 * @param readFile - reads the override file (tests pass their own)
 * @example
 * ```ts
 * loadStackConfig('dev', { WIKIBOT_DEV_DOMAIN: 'null' }).domain; // undefined: the API endpoint is the origin
 * ```
 */
export function loadStackConfig(
  name: EnvironmentName,
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): StackConfig {
  let merged: unknown = DEFAULTS[name];
  const file = env.WIKIBOT_CONFIG?.trim();
  if (file) {
    const overrides = readOverrideFile(file, readFile);
    if (overrides[name] !== undefined) merged = mergeConfig(merged, overrides[name]);
  }
  merged = applyEnvOverrides(merged, env, `WIKIBOT_${name.toUpperCase()}_`);
  return parseStackConfig(merged, name);
}

/** The environments to synthesize: `WIKIBOT_ENVIRONMENTS` (comma-separated), or all of them. */
export function selectedEnvironments(env: Readonly<Record<string, string | undefined>>): EnvironmentName[] {
  const wanted = env.WIKIBOT_ENVIRONMENTS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!wanted?.length) return [...ENVIRONMENTS];
  for (const name of wanted) {
    if (!(ENVIRONMENTS as readonly string[]).includes(name)) {
      throw new StackConfigError('WIKIBOT_ENVIRONMENTS', `"${name}" is not one of ${ENVIRONMENTS.join(', ')}`);
    }
  }
  return wanted as EnvironmentName[];
}

function readOverrideFile(path: string, readFile: (path: string) => string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFile(path));
  } catch (cause) {
    throw new StackConfigError('WIKIBOT_CONFIG', `${path} is not readable JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new StackConfigError('WIKIBOT_CONFIG', `${path} must hold an object keyed by environment ({"dev": {...}})`);
  }
  for (const key of Object.keys(parsed)) {
    if (!(ENVIRONMENTS as readonly string[]).includes(key)) {
      throw new StackConfigError(
        'WIKIBOT_CONFIG',
        `${path} names "${key}", which is not one of ${ENVIRONMENTS.join(', ')}`,
      );
    }
  }
  return parsed as Record<string, unknown>;
}
