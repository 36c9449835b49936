import { describe, expect, it } from '@jest/globals';
import { App, TerraformStack } from 'cdktf';
import { AwsContext } from '../../src/constructs/aws-context.js';
import { WikibotFunction } from '../../src/constructs/lambda-function.js';
import { Network } from '../../src/constructs/network.js';
import {
  DEFAULTS,
  ENVIRONMENTS,
  StackConfigError,
  artifactPath,
  loadStackConfig,
  mergeConfig,
  parseStackConfig,
  selectedEnvironments,
} from '../../src/index.js';

describe('loadStackConfig', () => {
  it.each(ENVIRONMENTS)('accepts the %s defaults as they stand', (name) => {
    // Act
    const config = loadStackConfig(name, {});

    // Assess
    expect(config.environment).toBe(name);
    expect(config.terraformCloud).toEqual({ workspace: `wikibot-${name}`, hostname: 'app.terraform.io' });
    expect(JSON.parse(config.accessPolicy)).toEqual({ writers: ['@wikibot.io'], readers: [] });
  });

  it('gives dev and prod their own domains', () => {
    expect([loadStackConfig('dev', {}).domain?.name, loadStackConfig('prod', {}).domain?.name]).toEqual([
      'dev.wikibot.io',
      'wikibot.io',
    ]);
  });

  it('merges the environment entry of the WIKIBOT_CONFIG file over the defaults', () => {
    // Prepare
    const network = { availabilityZones: ['us-east-1a', 'us-east-1b'] };
    const file = JSON.stringify({
      dev: {
        region: 'us-east-1',
        network,
        functions: { mcp: { memoryMb: 1024 } },
        terraformCloud: { organization: 'acme' },
      },
    });
    const read = (path: string) => (path === '/etc/wikibot.json' ? file : '');

    // Act
    const config = loadStackConfig('dev', { WIKIBOT_CONFIG: '/etc/wikibot.json' }, read);

    // Assess
    expect(config.region).toBe('us-east-1');
    expect(config.functions).toEqual({
      mcp: { memoryMb: 1024, timeoutSeconds: 29 },
      wiki: { memoryMb: 512, timeoutSeconds: 29 },
    });
    expect(config.terraformCloud).toEqual({
      organization: 'acme',
      workspace: 'wikibot-dev',
      hostname: 'app.terraform.io',
    });
  });

  it('applies WIKIBOT_<ENV>_<KEY> variables last, with __ for nesting and JSON values', () => {
    // Prepare
    const env = {
      WIKIBOT_CONFIG: '/f.json',
      WIKIBOT_DEV_REGION: 'eu-central-1',
      WIKIBOT_DEV_NETWORK__AVAILABILITY_ZONES: '["eu-central-1a","eu-central-1b"]',
      WIKIBOT_DEV_FUNCTIONS__WIKI__TIMEOUT_SECONDS: '20',
      WIKIBOT_DEV_ACCESS_POLICY: '{"writers":["alice@example.com"]}',
      WIKIBOT_DEV_AUTHKIT__CLIENT_ID: 'client_01ABC',
      WIKIBOT_PROD_REGION: 'us-west-2',
      WIKIBOT_PROD_NETWORK__AVAILABILITY_ZONES: '["us-west-2a","us-west-2c"]',
    };
    const read = () => JSON.stringify({ dev: { region: 'us-east-1', logRetentionDays: 30 } });

    // Act
    const config = loadStackConfig('dev', env, read);

    // Assess
    expect(config.region).toBe('eu-central-1');
    expect(config.logRetentionDays).toBe(30);
    expect(config.functions.wiki.timeoutSeconds).toBe(20);
    expect(JSON.parse(config.accessPolicy)).toEqual({ writers: ['alice@example.com'] });
    expect(config.authkit.clientId).toBe('client_01ABC');
  });

  it('replaces the access policy whole instead of merging it with the default', () => {
    // Prepare: the file admits readers; the variable names writers only
    const read = () => JSON.stringify({ dev: { accessPolicy: { writers: ['@example.com'], readers: ['*'] } } });

    // Act
    const config = loadStackConfig(
      'dev',
      { WIKIBOT_CONFIG: '/f.json', WIKIBOT_DEV_ACCESS_POLICY: '{"writers":["bob@example.com"]}' },
      read,
    );

    // Assess
    expect(JSON.parse(config.accessPolicy)).toEqual({ writers: ['bob@example.com'] });
  });

  it('drops the custom domain with WIKIBOT_DEV_DOMAIN=null', () => {
    expect(loadStackConfig('dev', { WIKIBOT_DEV_DOMAIN: 'null' }).domain).toBeUndefined();
  });

  it('switches the network to an existing VPC without inheriting the CIDRs of the default', () => {
    // Act
    const config = loadStackConfig('prod', {
      WIKIBOT_PROD_NETWORK: '{"mode":"existing","vpcId":"vpc-0a1","privateSubnetIds":["subnet-0b2"]}',
    });

    // Assess
    expect(config.network).toEqual({ mode: 'existing', vpcId: 'vpc-0a1', privateSubnetIds: ['subnet-0b2'] });
  });

  it.each([
    [{ WIKIBOT_DEV_REGOIN: 'eu-west-1' }, /^dev\.: Unrecognized key/],
    [{ WIKIBOT_DEV_LOG_RETENTION_DAYS: '13' }, /^dev\.logRetentionDays: must be one of 1, 3, 5/],
    [{ WIKIBOT_DEV_FUNCTIONS__MCP__TIMEOUT_SECONDS: '60' }, /^dev\.functions\.mcp\.timeoutSeconds/],
    [
      { WIKIBOT_DEV_SECRETS__WORKOS_API_KEY: 'sk_test_123' },
      /^dev\.secrets\.workosApiKey: must be an SSM parameter name/,
    ],
    [{ WIKIBOT_DEV_ACCESS_POLICY: '{"writers":[]}' }, /^dev: dev\.accessPolicy: policy admits nobody/],
    [{ WIKIBOT_DEV_AUTHKIT__DOMAIN: 'http://example.authkit.app' }, /^dev: AUTHKIT_DOMAIN: .* must use https/],
    [
      { WIKIBOT_DEV_NETWORK__PRIVATE_SUBNET_CIDRS: '["10.10.0.0/20","10.10.16.0/20","10.10.32.0/20"]' },
      /^dev\.network.*one private and one public subnet CIDR per availability zone/,
    ],
    // The region changed, the zones not: subnets would land in another region.
    [
      { WIKIBOT_DEV_REGION: 'us-east-1' },
      /^dev\.network\.availabilityZones\.0: "eu-west-1a" is not a zone of region us-east-1: set network\.availabilityZones to zones of us-east-1 \(e\.g\. us-east-1a, us-east-1b\)/,
    ],
    [
      { WIKIBOT_DEV_NETWORK__AVAILABILITY_ZONES: '["eu-west-1a","eu-west-1a"]' },
      /^dev\.network\.availabilityZones: names a zone twice/,
    ],
    [
      { WIKIBOT_DEV_NETWORK__AVAILABILITY_ZONES: '["eu-west-1a","eu-west-12"]' },
      /^dev\.network\.availabilityZones\.1: "eu-west-12" is not a zone/,
    ],
    [{ WIKIBOT_DEV_NETWORK__EGRESS: 'nat' }, /^dev\.network\.egress/],
    [{ WIKIBOT_DEV_NETWORK__NAT_INSTANCE_TYPE: 't3.nano' }, /^dev\.network\.natInstanceType: must be a Graviton/],
    [{ WIKIBOT_DEV_BEDROCK__EMBEDDING_DIMENSIONS: '768' }, /^dev\.bedrock\.embeddingDimensions/],
    [{ WIKIBOT_DEV_ALARMS__EMAIL: 'ops' }, /^dev\.alarms\.email/],
  ])('refuses %j, naming the key at fault', (env, message) => {
    expect(() => loadStackConfig('dev', env)).toThrow(message);
  });

  it.each([
    ['unreadable JSON', 'not json', /WIKIBOT_CONFIG: \/f\.json is not readable JSON/],
    ['an unknown environment', '{"staging":{}}', /WIKIBOT_CONFIG: \/f\.json names "staging"/],
    ['an array', '[]', /must hold an object keyed by environment/],
  ])('refuses a WIKIBOT_CONFIG file holding %s', (_, text, message) => {
    expect(() => loadStackConfig('dev', { WIKIBOT_CONFIG: '/f.json' }, () => text)).toThrow(message);
  });

  it('throws StackConfigError with the setting name', () => {
    let error: unknown;
    try {
      parseStackConfig(mergeConfig(DEFAULTS.dev, { region: 'mars' }), 'dev');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StackConfigError);
    expect((error as StackConfigError).setting).toBe('dev.region');
  });
});

describe('selectedEnvironments', () => {
  it.each([
    [{}, ['dev', 'prod']],
    [{ WIKIBOT_ENVIRONMENTS: 'prod' }, ['prod']],
    [{ WIKIBOT_ENVIRONMENTS: ' dev , prod ' }, ['dev', 'prod']],
  ])('reads %j as %j', (env, expected) => {
    expect(selectedEnvironments(env)).toEqual(expected);
  });

  it('refuses an environment the app does not define', () => {
    expect(() => selectedEnvironments({ WIKIBOT_ENVIRONMENTS: 'dev,staging' })).toThrow(
      'WIKIBOT_ENVIRONMENTS: "staging" is not one of dev, prod',
    );
  });
});

describe('WikibotFunction', () => {
  const functionWith = (environment: Record<string, string>, artifact = artifactPath('mcp')) => {
    const stack = new TerraformStack(new App({ outdir: '/tmp/unused' }), 'probe');
    const config = loadStackConfig('dev', {});
    const aws = new AwsContext(stack, 'aws', { region: config.region, ssmKmsKeyAlias: config.ssmKmsKeyAlias });
    const network = new Network(stack, 'network', { name: 'probe', network: config.network });
    return new WikibotFunction(stack, 'fn', {
      name: 'probe',
      artifactPath: artifact,
      memoryMb: 128,
      timeoutSeconds: 3,
      logRetentionDays: 1,
      network,
      aws,
      environment,
    });
  };

  it.each(['WORKOS_API_KEY', 'SESSION_SECRET', 'GITHUB_TOKEN', 'DB_PASSWORD'])(
    'refuses a plain %s variable: secrets are bound by SSM name',
    (key) => {
      expect(() => functionWith({ [key]: 'sk_test_abc' })).toThrow(
        `${key}: looks like a secret: bind it with bindSecret()`,
      );
    },
  );

  it('binds a secret as its _PARAMETER name', () => {
    // Prepare
    const fn = functionWith({});

    // Act
    fn.bindSecret('WORKOS_API_KEY', '/wikibot/dev/workos-api-key');

    // Assess
    expect(fn.function.environmentInput).toEqual({
      variables: { WORKOS_API_KEY_PARAMETER: '/wikibot/dev/workos-api-key' },
    });
  });

  it('names the missing artifact and how to build it', () => {
    expect(() => functionWith({}, '/nowhere/lambda.zip')).toThrow(
      '/nowhere/lambda.zip does not exist: build the apps first',
    );
  });
});
