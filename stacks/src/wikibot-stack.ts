/**
 * @module One environment of wikibot: the HTTP API, its routes to the MCP and wiki Lambdas, the EFS
 * storage they share, the network they run in and, when configured, the custom domain. The public
 * origin is computed here once and handed to both Lambdas.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { MCP_PATH, resolveIssuer } from '@wikibot/auth-config';
import {
  Annotations,
  CloudBackend,
  Fn,
  LocalBackend,
  NamedCloudWorkspace,
  TerraformOutput,
  TerraformStack,
} from 'cdktf';
import type { Construct } from 'constructs';
import type { StackConfig } from './config.js';
import { Alarms } from './constructs/alarms.js';
import { AwsContext } from './constructs/aws-context.js';
import { Backup } from './constructs/backup.js';
import { DiscoveryCheck } from './constructs/discovery-check.js';
import { Domain, originForDomain } from './constructs/domain.js';
import { FileSystemPolicy } from './constructs/file-system-policy.js';
import { HttpApi } from './constructs/http-api.js';
import { WikibotFunction } from './constructs/lambda-function.js';
import { Network } from './constructs/network.js';
import { Routes } from './constructs/routes.js';
import { Storage, WIKI_DATA_DIR } from './constructs/storage.js';
import { artifactPath, type AppName } from './paths.js';

/** The routes of every stack. `/.well-known/*` must reach the MCP function: OAuth discovery lives there. */
export const ROUTE_KEYS = { mcp: ['ANY /mcp', 'ANY /.well-known/{proxy+}'], wiki: ['$default'] } as const;

/** The environment variable each secret reaches a Lambda under (as `<NAME>_PARAMETER`). */
const SECRET_VARIABLES = {
  workosApiKey: 'WORKOS_API_KEY',
  mcpApiKey: 'MCP_API_KEY',
  sessionSecret: 'SESSION_SECRET',
  authkitClientSecret: 'AUTHKIT_CLIENT_SECRET',
} as const satisfies Record<keyof StackConfig['secrets'], string>;

/**
 * Which secrets each function may read: the wiki signs people in and also accepts the static API key on its REST API.
 */
const SECRETS_READ_BY: Record<AppName, readonly (keyof StackConfig['secrets'])[]> = {
  mcp: ['workosApiKey', 'mcpApiKey'],
  wiki: ['workosApiKey', 'mcpApiKey', 'sessionSecret', 'authkitClientSecret'],
};

/** Props of {@link WikibotStack}. */
export interface WikibotStackProps {
  readonly config: StackConfig;
  /** Artifact zips; default `apps/<app>/dist/lambda.zip`. */
  readonly artifacts?: Readonly<Record<AppName, string>>;
}

/** One environment's stack; its id is the environment name, so `cdktf deploy dev` deploys dev. */
export class WikibotStack extends TerraformStack {
  /** `https://dev.wikibot.io`, or the API endpoint token when there is no custom domain. */
  readonly publicOrigin: string;

  constructor(scope: Construct, props: WikibotStackProps) {
    const { config } = props;
    super(scope, config.environment);
    const name = `wikibot-${config.environment}`;
    const artifacts = props.artifacts ?? { mcp: artifactPath('mcp'), wiki: artifactPath('wiki') };
    const customOrigin = config.domain
      ? originForDomain(config.domain.name, `${config.environment}.domain.name`)
      : undefined;

    const defaultTags = { project: 'wikibot', environment: config.environment };
    new AwsProvider(this, 'aws', { region: config.region, defaultTags: [{ tags: defaultTags }] });
    const { organization, workspace, hostname } = config.terraformCloud;
    if (organization)
      new CloudBackend(this, { hostname, organization, workspaces: new NamedCloudWorkspace(workspace) });
    // Relative to cdktf.out/stacks/<env>, where Terraform runs: the state file sits at the repository root.
    else new LocalBackend(this, { path: `../../../terraform.${config.environment}.tfstate` });

    const aws = new AwsContext(this, 'aws-context', { region: config.region, ssmKmsKeyAlias: config.ssmKmsKeyAlias });
    const network = new Network(this, 'network', { name, network: config.network });
    const storage = new Storage(this, 'storage', { name, network, protect: config.protectData });
    const backup = new Backup(this, 'backup', {
      name,
      storage,
      aws,
      backup: config.backup,
      protect: config.protectData,
    });
    const api = new HttpApi(this, 'http-api', {
      name,
      throttling: config.throttling,
      logRetentionDays: config.logRetentionDays,
      disableExecuteApiEndpoint: customOrigin !== undefined,
    });
    const domain =
      config.domain && customOrigin
        ? new Domain(this, 'domain', { domain: config.domain, hostname: new URL(customOrigin).hostname, api })
        : undefined;
    // The $default stage adds no path to api_endpoint, so it is an origin as it stands.
    this.publicOrigin = customOrigin ?? api.endpoint;

    const environment: Record<string, string> = {
      PUBLIC_ORIGIN: this.publicOrigin,
      AUTHKIT_DOMAIN: resolveIssuer(config.authkit.domain),
      ACCESS_POLICY: config.accessPolicy,
      WIKI_DATA_DIR,
      WIKI_READ_ACCESS: config.wikiReadAccess,
      WIKI_RETAIN_PAGE_NAME_CASE: String(config.retainPageNameCase),
      WIKIBOT_ENV: config.environment,
      ...(config.authkit.clientId ? { AUTHKIT_CLIENT_ID: config.authkit.clientId } : {}),
      ...(config.mcpAllowedOrigins.length > 0 ? { MCP_ALLOWED_ORIGINS: config.mcpAllowedOrigins.join(',') } : {}),
    };
    const fn = (app: AppName) =>
      new WikibotFunction(this, app, {
        name: `${name}-${app}`,
        artifactPath: artifacts[app],
        memoryMb: config.functions[app].memoryMb,
        timeoutSeconds: config.functions[app].timeoutSeconds,
        logRetentionDays: config.logRetentionDays,
        network,
        aws,
        environment,
      });
    const mcp = fn('mcp');
    const wiki = fn('wiki');
    for (const [app, fn] of [
      ['mcp', mcp],
      ['wiki', wiki],
    ] as const) {
      for (const key of SECRETS_READ_BY[app]) {
        const parameter = config.secrets[key];
        if (parameter) fn.bindSecret(SECRET_VARIABLES[key], parameter);
      }
    }
    const bedrock = config.bedrock;
    for (const fn of [mcp, wiki]) {
      fn.mountFileSystem(storage);
      fn.bindEmbeddingModel({
        region: bedrock.region ?? config.region,
        modelId: bedrock.embeddingModelId,
        dimensions: bedrock.embeddingDimensions,
      });
    }
    new FileSystemPolicy(this, 'file-system-policy', { storage, roles: [mcp.role, wiki.role] });

    new Routes(this, 'routes', {
      api,
      routes: [
        ...ROUTE_KEYS.mcp.map((routeKey) => ({ routeKey, target: mcp })),
        ...ROUTE_KEYS.wiki.map((routeKey) => ({ routeKey, target: wiki })),
      ],
    });

    const alarms = new Alarms(this, 'alarms', {
      name,
      alarms: config.alarms,
      functions: (['mcp', 'wiki'] as const).map((app) => ({
        app,
        fn: app === 'mcp' ? mcp : wiki,
        timeoutSeconds: config.functions[app].timeoutSeconds,
      })),
      api,
      egress: network.egress,
    });
    if (config.alarms.discoveryHealthCheck) {
      new DiscoveryCheck(this, 'discovery-check', {
        name,
        hostname: customOrigin ? new URL(customOrigin).hostname : Fn.replace(api.endpoint, 'https://', ''),
        resourceUrl: `${this.publicOrigin}${MCP_PATH}`,
        region: config.region,
        regionalTopic: alarms.topic,
        email: config.alarms.email,
        defaultTags,
      });
    }
    if (!config.alarms.email) {
      Annotations.of(this).addWarning(
        `${config.environment}.alarms.email is not set: alarms reach an SNS topic nobody is subscribed to`,
      );
    }

    new TerraformOutput(this, 'wiki_url', { value: `${this.publicOrigin}/`, description: 'The wiki, for people' });
    new TerraformOutput(this, 'mcp_url', {
      value: `${this.publicOrigin}${MCP_PATH}`,
      description: 'The MCP endpoint and OAuth resource URL',
    });
    new TerraformOutput(this, 'api_endpoint', {
      value: api.endpoint,
      description: 'The API Gateway endpoint (disabled for requests when a custom domain is configured)',
    });
    new TerraformOutput(this, 'region', { value: config.region, description: 'The region the stack deploys to' });
    new TerraformOutput(this, 'file_system_id', {
      value: storage.fileSystem.id,
      description: 'The wiki file system (restore: docs/operations.md)',
    });
    new TerraformOutput(this, 'backup_vault_name', {
      value: backup.vault.name,
      description: 'The AWS Backup vault of the file system',
    });
    new TerraformOutput(this, 'backup_role_arn', {
      value: backup.role.arn,
      description: 'The role AWS Backup restores with',
    });
    new TerraformOutput(this, 'alarm_topic_arn', {
      value: alarms.topic.topic.arn,
      description: 'Where the alarms go (subscribe more people here)',
    });
    if (domain?.nameServers) {
      new TerraformOutput(this, 'name_servers', {
        value: domain.nameServers,
        description: 'NS records the parent zone adds to delegate the domain',
      });
    }
  }
}
