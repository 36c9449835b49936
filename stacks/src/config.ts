/**
 * @module The one typed configuration of each environment's stack. Defaults live here; an operator
 * overrides them without editing code: a JSON file named by `WIKIBOT_CONFIG`, then `WIKIBOT_<ENV>_<KEY>`
 * environment variables (see docs/deploy.md). Everything is validated with zod before a resource exists.
 */
import { readFileSync } from 'node:fs';
import { parseAccessPolicy, resolveIssuer } from '@wikibot/auth-config';
import { z } from 'zod';
import { StackConfigError } from './errors.js';
import { applyEnvOverrides, mergeConfig } from './overrides.js';

/** The environments this app synthesizes, one stack each. */
export const ENVIRONMENTS = ['dev', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

/** CloudWatch Logs accepts only these retention periods (days). */
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

const cidr = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'must be an IPv4 CIDR block');
const ssmName = z.string().regex(/^\/[A-Za-z0-9_.\-/]{1,2047}$/, 'must be an SSM parameter name starting with "/"');

const functionSchema = z
  .object({
    memoryMb: z.number().int().min(128).max(10240),
    // API Gateway gives up on an integration after 30 s; a longer Lambda timeout only burns money.
    timeoutSeconds: z.number().int().min(1).max(30),
  })
  .strict();

const networkSchema = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('create'),
      cidr,
      availabilityZones: z.array(z.string().min(1)).min(2),
      privateSubnetCidrs: z.array(cidr).min(2),
      publicSubnetCidrs: z.array(cidr).min(2),
    })
    .strict()
    .refine((n) => n.privateSubnetCidrs.length === n.availabilityZones.length && n.publicSubnetCidrs.length === n.availabilityZones.length, {
      message: 'needs one private and one public subnet CIDR per availability zone',
    }),
  z
    .object({
      mode: z.literal('existing'),
      vpcId: z.string().regex(/^vpc-[0-9a-f]+$/, 'must be a VPC id (vpc-...)'),
      // Private subnets whose route tables already reach the internet (NAT): the Lambdas call WorkOS.
      privateSubnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]+$/, 'must be a subnet id (subnet-...)')).min(1),
    })
    .strict(),
]);

const stackConfigSchema = z
  .object({
    /** Environment name: stack id, resource name prefix (`wikibot-<environment>`), `WIKIBOT_ENV`. */
    environment: z.string().regex(/^[a-z][a-z0-9-]*$/),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-west-1'),
    /** Custom domain; without one, the API's own endpoint is the public origin. */
    domain: z
      .object({
        name: z.string().min(1),
        /** Route 53 hosted zone looked up by id, or else by name (default: the domain's parent). */
        hostedZoneId: z.string().min(1).optional(),
        hostedZoneName: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    functions: z.object({ mcp: functionSchema, wiki: functionSchema }).strict(),
    /** Default route throttling of the `$default` stage. */
    throttling: z.object({ burstLimit: z.number().int().positive(), rateLimit: z.number().positive() }).strict(),
    logRetentionDays: z.number().refine((d) => RETENTION_DAYS.includes(d), { message: `must be one of ${RETENTION_DAYS.join(', ')}` }),
    network: networkSchema,
    /** Who may use the wiki (`ACCESS_POLICY`, see @wikibot/auth-config); an object or its JSON text. */
    accessPolicy: z.union([z.string(), z.record(z.string(), z.unknown())]),
    wikiReadAccess: z.enum(['public', 'signed-in']),
    authkit: z.object({ domain: z.string().min(1), clientId: z.string().min(1).optional() }).strict(),
    /** SSM SecureString parameter names; the operator creates the parameters, the stack only names them. */
    secrets: z
      .object({ workosApiKey: ssmName, mcpApiKey: ssmName.optional(), sessionSecret: ssmName.optional(), authkitClientSecret: ssmName.optional() })
      .strict(),
    /** KMS key the SecureString parameters are encrypted with. */
    ssmKmsKeyAlias: z.string().regex(/^alias\/[A-Za-z0-9/_-]+$/),
    /** CloudBackend when `organization` is set, LocalBackend otherwise. */
    terraformCloud: z
      .object({ organization: z.string().min(1).optional(), workspace: z.string().min(1), hostname: z.string().min(1) })
      .strict(),
  })
  .strict();

/** One environment's stack settings, validated. */
export type StackConfig = Omit<z.infer<typeof stackConfigSchema>, 'accessPolicy'> & {
  /** The access policy as the JSON text handed to the Lambdas (`ACCESS_POLICY`). */
  readonly accessPolicy: string;
};

/** What a JSON override file or `WIKIBOT_<ENV>_*` may set: any part of a {@link StackConfig}. */
export type StackConfigInput = z.input<typeof stackConfigSchema>;

const network = (second: number) => ({
  mode: 'create' as const,
  cidr: `10.${second}.0.0/16`,
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
  privateSubnetCidrs: [`10.${second}.0.0/20`, `10.${second}.16.0/20`],
  publicSubnetCidrs: [`10.${second}.128.0/24`, `10.${second}.129.0/24`],
});

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
    network: network(10),
    accessPolicy: { writers: ['@wikibot.io'], readers: [] },
    wikiReadAccess: 'public',
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
    network: network(20),
    accessPolicy: { writers: ['@wikibot.io'], readers: [] },
    wikiReadAccess: 'public',
    authkit: { domain: 'https://wikibot.authkit.app' },
    secrets: secrets('prod'),
    ssmKmsKeyAlias: 'alias/aws/ssm',
    terraformCloud: { workspace: 'wikibot-prod', hostname: 'app.terraform.io' },
  },
};

/**
 * Validates one environment's settings. Throws a {@link StackConfigError} naming the key at fault.
 * The AuthKit domain and access policy are checked with the same functions the Lambdas use at start-up,
 * so a value they would refuse fails the synth instead of a cold start.
 */
export function parseStackConfig(raw: unknown, name = 'config'): StackConfig {
  const parsed = stackConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StackConfigError(`${name}.${issue.path.join('.')}`, issue.message);
  }
  const config = parsed.data;
  const accessPolicy = typeof config.accessPolicy === 'string' ? config.accessPolicy : JSON.stringify(config.accessPolicy);
  try {
    parseAccessPolicy(accessPolicy, `${name}.accessPolicy`);
    resolveIssuer(config.authkit.domain);
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
  const wanted = env.WIKIBOT_ENVIRONMENTS?.split(',').map((s) => s.trim()).filter(Boolean);
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
    throw new StackConfigError('WIKIBOT_CONFIG', `${path} is not readable JSON: ${(cause as Error).message}`, { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new StackConfigError('WIKIBOT_CONFIG', `${path} must hold an object keyed by environment ({"dev": {...}})`);
  }
  for (const key of Object.keys(parsed)) {
    if (!(ENVIRONMENTS as readonly string[]).includes(key)) {
      throw new StackConfigError('WIKIBOT_CONFIG', `${path} names "${key}", which is not one of ${ENVIRONMENTS.join(', ')}`);
    }
  }
  return parsed as Record<string, unknown>;
}
