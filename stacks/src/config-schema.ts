/**
 * @module The zod schema of one environment's stack settings: every key, its type and its limits.
 * Checks that span keys (zones inside the region) run here too, so a synth stops before any resource.
 */
import { z } from 'zod';

/** CloudWatch Logs accepts only these retention periods (days). */
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const cidr = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'must be an IPv4 CIDR block');
const ssmName = z.string().regex(/^\/[A-Za-z0-9_.\-/]{1,2047}$/, 'must be an SSM parameter name starting with "/"');
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-west-1');

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
      /** How the private subnets reach the internet (WorkOS, SSM, Bedrock): see docs/cost.md. */
      egress: z.enum(['nat-gateway', 'nat-instance']),
      /** Instance type of the NAT instance (ARM, as fck-nat runs it); only with `egress: nat-instance`. */
      natInstanceType: z
        .string()
        .regex(/^[a-z][a-z0-9]*g[a-z0-9]*\.[a-z0-9]+$/, 'must be a Graviton (ARM) type such as t4g.nano'),
    })
    .strict()
    .refine(
      (n) =>
        n.privateSubnetCidrs.length === n.availabilityZones.length &&
        n.publicSubnetCidrs.length === n.availabilityZones.length,
      {
        message: 'needs one private and one public subnet CIDR per availability zone',
      },
    ),
  z
    .object({
      mode: z.literal('existing'),
      vpcId: z.string().regex(/^vpc-[0-9a-f]+$/, 'must be a VPC id (vpc-...)'),
      // Private subnets whose route tables already reach the internet (NAT): the Lambdas call WorkOS.
      privateSubnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]+$/, 'must be a subnet id (subnet-...)')).min(1),
    })
    .strict(),
]);

const alarmsSchema = z
  .object({
    /** Who is paged: an e-mail subscription to the environment's alarm topic (confirm the e-mail AWS sends). */
    email: z.string().email().optional(),
    /** API 5xx responses, % of requests over 5 minutes, above which the alarm fires. */
    api5xxPercent: z.number().positive().max(100),
    /** API 4xx responses, % of requests over 15 minutes (MCP clients' first 401s and stray 404s are normal). */
    api4xxPercent: z.number().positive().max(100),
    /** Fewer requests than this in a period never fire a rate alarm (one 500 of two requests is not an outage). */
    minimumRequests: z.number().int().min(1),
    /** A Route 53 health check of `/.well-known/oauth-protected-resource/mcp`, alarmed in us-east-1. */
    discoveryHealthCheck: z.boolean(),
  })
  .strict();

const bedrockSchema = z
  .object({
    /** Region of the Bedrock endpoint; the model must be offered there. Default: the stack's region. */
    region: region.optional(),
    embeddingModelId: z
      .string()
      .regex(/^[a-z0-9-]+\.[A-Za-z0-9.:-]+$/, 'must be a Bedrock model id such as amazon.titan-embed-text-v2:0'),
    embeddingDimensions: z.union([z.literal(256), z.literal(512), z.literal(1024)]),
  })
  .strict();

/** The stack settings, before the checks that span keys. */
const baseSchema = z
  .object({
    /** Environment name: stack id, resource name prefix (`wikibot-<environment>`), `WIKIBOT_ENV`. */
    environment: z.string().regex(/^[a-z][a-z0-9-]*$/),
    region,
    /** Custom domain; without one, the API's own endpoint is the public origin. */
    domain: z
      .object({
        name: z.string().min(1),
        /** Route 53 hosted zone looked up by id, or else by name (default: the domain's parent). */
        hostedZoneId: z.string().min(1).optional(),
        hostedZoneName: z.string().min(1).optional(),
        /** The stack creates a zone for `name` itself (hostedZone* unused), delegated from the parent by its owner. */
        delegatedZone: z.boolean().optional(),
      })
      .strict()
      .optional(),
    functions: z.object({ mcp: functionSchema, wiki: functionSchema }).strict(),
    /** Default route throttling of the `$default` stage. */
    throttling: z.object({ burstLimit: z.number().int().positive(), rateLimit: z.number().positive() }).strict(),
    logRetentionDays: z
      .number()
      .refine((d) => RETENTION_DAYS.includes(d), { message: `must be one of ${RETENTION_DAYS.join(', ')}` }),
    network: networkSchema,
    /** `prevent_destroy` on the wiki's file system and its backup vault: Terraform refuses to delete them. */
    protectData: z.boolean(),
    /** AWS Backup of the file system: daily, kept this many days, in the stack's own vault. */
    backup: z
      .object({ retentionDays: z.number().int().min(1).max(36500), schedule: z.string().startsWith('cron(') })
      .strict(),
    alarms: alarmsSchema,
    /** Amazon Bedrock embeddings for semantic search (`BEDROCK_*` variables, `bedrock:InvokeModel` on the model). */
    bedrock: bedrockSchema,
    /** Who may use the wiki (`ACCESS_POLICY`, see @wikibot/auth-config); an object or its JSON text. */
    accessPolicy: z.union([z.string(), z.record(z.string(), z.unknown())]),
    wikiReadAccess: z.enum(['public', 'signed-in']),
    /** Otterwiki's `RETAIN_PAGE_NAME_CASE` (`WIKI_RETAIN_PAGE_NAME_CASE`): files named as typed, shown as stored. */
    retainPageNameCase: z.boolean(),
    /** Browser origins besides the public one that may call `/mcp` (`MCP_ALLOWED_ORIGINS`), e.g. MCP Inspector's. */
    mcpAllowedOrigins: z.array(z.string().regex(/^[^,\s]+$/, 'must be one origin, without commas or spaces')),
    authkit: z.object({ domain: z.string().min(1), clientId: z.string().min(1).optional() }).strict(),
    /** SSM SecureString parameter names; the operator creates the parameters, the stack only names them. */
    secrets: z
      .object({
        workosApiKey: ssmName,
        mcpApiKey: ssmName.optional(),
        sessionSecret: ssmName.optional(),
        authkitClientSecret: ssmName.optional(),
      })
      .strict(),
    /** KMS key the SecureString parameters are encrypted with. */
    ssmKmsKeyAlias: z.string().regex(/^alias\/[A-Za-z0-9/_-]+$/),
    /** CloudBackend when `organization` is set, LocalBackend otherwise. */
    terraformCloud: z
      .object({ organization: z.string().min(1).optional(), workspace: z.string().min(1), hostname: z.string().min(1) })
      .strict(),
  })
  .strict();

/** An availability zone of `region`: the region's name and one letter (`eu-west-1a`). */
const inRegion = (zone: string, name: string) =>
  zone.length === name.length + 1 && zone.startsWith(name) && /[a-z]$/.test(zone);

/** The schema with its cross-key checks: the zones of a created VPC lie in the region, once each. */
export const stackConfigSchema = baseSchema.superRefine((config, context) => {
  if (config.network.mode !== 'create') return;
  const zones = config.network.availabilityZones;
  zones.forEach((zone, i) => {
    if (!inRegion(zone, config.region)) {
      context.addIssue({
        code: 'custom',
        path: ['network', 'availabilityZones', i],
        message:
          `"${zone}" is not a zone of region ${config.region}: set network.availabilityZones to zones ` +
          `of ${config.region} (e.g. ${config.region}a, ${config.region}b) whenever region changes`,
      });
    }
  });
  if (new Set(zones).size !== zones.length) {
    context.addIssue({
      code: 'custom',
      path: ['network', 'availabilityZones'],
      message: 'names a zone twice; the subnets must spread over distinct zones',
    });
  }
});
