import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@wikibot/auth-config';
import { isTerraformExpression } from '@wikibot/http-api-routes';
import { artifactPath } from '../../src/index.js';
import { configFor, resourcesOf, STACK_VARIANTS, synthesize, type Synthesized } from '../helpers/synth.js';

/** Values that are secrets whatever their variable is called. */
const SECRET_VALUE = /\bsk_(test|live)_|\bsk_[A-Za-z0-9]{16,}|AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY/;
const SECRET_NAME = /KEY|SECRET|TOKEN|PASSWORD/;

describe.each(STACK_VARIANTS)('the %s stack', (_, config) => {
  let stack: Synthesized;
  beforeAll(() => {
    stack = synthesize(config());
  });
  afterAll(() => stack.cleanup());

  const functions = () => resourcesOf(stack.json, 'aws_lambda_function').map(([, fn]) => fn as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
  const apiName = () => Object.keys(stack.json.resource.aws_apigatewayv2_api)[0];

  describe('Lambda functions', () => {
    it('run index.handler on nodejs22.x, arm64, with the configured memory and timeout', () => {
      const settings = functions().map((fn) => [
        fn.function_name,
        fn.runtime,
        fn.architectures,
        fn.handler,
        fn.memory_size,
        fn.timeout,
      ]);
      const { environment, functions: sizes } = stack.config;
      expect(settings).toEqual(
        (['mcp', 'wiki'] as const).map((app) => [
          `wikibot-${environment}-${app}`,
          'nodejs22.x',
          ['arm64'],
          'index.handler',
          sizes[app].memoryMb,
          sizes[app].timeoutSeconds,
        ]),
      );
    });

    it('carry no secret value in their environment: secrets are SSM parameter names only', () => {
      for (const fn of functions()) {
        for (const [key, value] of Object.entries(fn.environment.variables as Record<string, string>)) {
          if (SECRET_NAME.test(key)) {
            expect([key, value]).toEqual([expect.stringMatching(/_PARAMETER$/), expect.stringMatching(/^\/wikibot\//)]);
          }
          expect(value).not.toMatch(SECRET_VALUE);
        }
      }
      expect(stack.text).not.toMatch(SECRET_VALUE);
      expect(stack.text).not.toMatch(/aws_ssm_parameter/); // a data source would copy secret values into the state
    });

    it('hand both functions the same PUBLIC_ORIGIN, scheme and host only, which auth-config accepts', () => {
      // Prepare
      const origins = new Set(functions().map((fn) => fn.environment.variables.PUBLIC_ORIGIN as string));
      const [origin] = origins;
      const endpoint = 'https://a1b2c3.execute-api.eu-west-1.amazonaws.com';

      // Act: what the Lambda sees once Terraform has resolved the endpoint
      const runtimeOrigin = isTerraformExpression(origin) ? endpoint : origin;
      const runtime = loadConfig({ ...functions()[0].environment.variables, PUBLIC_ORIGIN: runtimeOrigin });

      // Assess
      expect(origins.size).toBe(1);
      if (stack.config.domain) {
        expect(origin).toBe(`https://${stack.config.domain.name}`);
        expect(new URL(origin).pathname).toBe('/');
      } else {
        // No path is appended to the endpoint: the $default stage serves at the root.
        expect(origin).toBe(`\${aws_apigatewayv2_api.${apiName()}.api_endpoint}`);
      }
      expect(runtime.resourceUrl).toBe(`${runtimeOrigin}/mcp`);
    });

    it('mount the wiki file system at /mnt/wiki and keep the repository under it', () => {
      for (const fn of functions()) {
        expect(fn.file_system_config).toEqual({
          arn: expect.stringMatching(/^\$\{aws_efs_access_point\./),
          local_mount_path: '/mnt/wiki',
        });
        expect(fn.environment.variables.WIKI_DATA_DIR).toBe('/mnt/wiki/repo');
        expect(fn.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_efs_mount_target\./)]));
      }
    });

    it('run in the private subnets with the Lambda security group', () => {
      const privateSubnets = resourcesOf(stack.json, 'aws_subnet')
        .filter(([name]) => name.includes('private'))
        .map(([name]) => `\${aws_subnet.${name}.id}`);
      for (const fn of functions()) {
        expect(fn.vpc_config.subnet_ids).toEqual(privateSubnets);
        expect(fn.vpc_config.security_group_ids).toEqual([
          expect.stringMatching(/^\$\{aws_security_group\.network_lambda-sg_/),
        ]);
      }
    });

    it('take source_code_hash from the zip shipped with the stack, and name its folder by the same digest', () => {
      for (const fn of functions()) {
        const digest = createHash('sha256')
          .update(readFileSync(join(stack.stackDir, fn.filename)))
          .digest();
        expect(fn.source_code_hash).toBe(digest.toString('base64'));
        expect(fn.filename.split('/')[2]).toBe(digest.toString('hex'));
      }
    });
  });

  it('keeps every log group for the configured retention', () => {
    const groups = resourcesOf(stack.json, 'aws_cloudwatch_log_group').map(([, g]) => [g.name, g.retention_in_days]);
    expect(groups).toEqual([
      [`/aws/apigateway/wikibot-${stack.config.environment}`, stack.config.logRetentionDays],
      [`/aws/lambda/wikibot-${stack.config.environment}-mcp`, stack.config.logRetentionDays],
      [`/aws/lambda/wikibot-${stack.config.environment}-wiki`, stack.config.logRetentionDays],
    ]);
  });

  it('lets only this API invoke the functions', () => {
    const permissions = resourcesOf(stack.json, 'aws_lambda_permission').map(([, p]) => p);
    expect(permissions).toHaveLength(2);
    for (const permission of permissions) {
      expect(permission).toMatchObject({
        action: 'lambda:InvokeFunction',
        principal: 'apigateway.amazonaws.com',
        source_arn: `\${aws_apigatewayv2_api.${apiName()}.execution_arn}/*`,
      });
    }
  });

  it('serves the API from an auto-deployed, throttled, access-logged $default stage', () => {
    const [[, stage]] = resourcesOf(stack.json, 'aws_apigatewayv2_stage');
    expect(stage).toMatchObject({
      name: '$default',
      auto_deploy: true,
      access_log_settings: {
        destination_arn: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.http-api_access-logs_/),
      },
      default_route_settings: {
        throttling_burst_limit: stack.config.throttling.burstLimit,
        throttling_rate_limit: stack.config.throttling.rateLimit,
      },
    });
    expect(JSON.parse((stage.access_log_settings as { format: string }).format)).not.toHaveProperty('query');
  });

  it("keeps the wiki on an encrypted EFS file system behind one access point, backed up by the stack's plan only", () => {
    const [[fsName, fs]] = resourcesOf(stack.json, 'aws_efs_file_system');
    expect(fs.encrypted).toBe(true);
    // Automatic backups would go to a vault nothing can protect; the stack's plan replaces them.
    expect(resourcesOf(stack.json, 'aws_efs_backup_policy').map(([, b]) => b)).toEqual([
      expect.objectContaining({
        file_system_id: `\${aws_efs_file_system.${fsName}.id}`,
        backup_policy: { status: 'DISABLED' },
      }),
    ]);
    expect(resourcesOf(stack.json, 'aws_efs_access_point').map(([, a]) => [a.posix_user, a.root_directory])).toEqual([
      [
        { uid: 1000, gid: 1000 },
        { path: '/wiki', creation_info: { owner_uid: 1000, owner_gid: 1000, permissions: '750' } },
      ],
    ]);
    expect(resourcesOf(stack.json, 'aws_efs_mount_target')).toHaveLength(2);
  });

  it('opens NFS to the file system from the Lambda security group only', () => {
    const [ingress] = resourcesOf(stack.json, 'aws_vpc_security_group_ingress_rule')
      .filter(([name]) => name.startsWith('storage_'))
      .map(([, r]) => r);
    expect(ingress).toMatchObject({
      ip_protocol: 'tcp',
      from_port: 2049,
      to_port: 2049,
      referenced_security_group_id: expect.stringMatching(/network_lambda-sg_/),
    });
    expect(ingress).not.toHaveProperty('cidr_ipv4');
    const egress = resourcesOf(stack.json, 'aws_vpc_security_group_egress_rule')
      .filter(([, r]) => String(r.security_group_id).includes('network_lambda-sg_'))
      .map(([, r]) => [r.from_port, r.cidr_ipv4 ?? 'efs']);
    expect(egress).toEqual([
      [443, '0.0.0.0/0'],
      [2049, 'efs'],
    ]);
  });

  it('creates a VPC with two private and two public subnets and one egress, as configured', () => {
    expect(resourcesOf(stack.json, 'aws_vpc')).toHaveLength(1);
    expect(resourcesOf(stack.json, 'aws_subnet').map(([name]) => name.split('_')[1])).toEqual([
      'private-0',
      'private-1',
      'public-0',
      'public-1',
    ]);
    const egress = stack.config.network.mode === 'create' ? stack.config.network.egress : 'none';
    expect([resourcesOf(stack.json, 'aws_nat_gateway').length, resourcesOf(stack.json, 'aws_instance').length]).toEqual(
      egress === 'nat-gateway' ? [1, 0] : [0, 1],
    );
  });

  it('outputs the wiki URL, the MCP URL, the API endpoint and what operations need', () => {
    const origin = functions()[0].environment.variables.PUBLIC_ORIGIN;
    expect(stack.json.output).toEqual({
      region: expect.objectContaining({ value: stack.config.region }),
      file_system_id: expect.objectContaining({ value: expect.stringMatching(/^\$\{aws_efs_file_system\..+\.id\}$/) }),
      backup_vault_name: expect.objectContaining({
        value: expect.stringMatching(/^\$\{aws_backup_vault\..+\.name\}$/),
      }),
      backup_role_arn: expect.objectContaining({
        value: expect.stringMatching(/^\$\{aws_iam_role\.backup_role_.+\.arn\}$/),
      }),
      alarm_topic_arn: expect.objectContaining({
        value: expect.stringMatching(/^\$\{aws_sns_topic\.alarms_.+\.arn\}$/),
      }),
      wiki_url: expect.objectContaining({ value: `${origin}/` }),
      mcp_url: expect.objectContaining({ value: `${origin}/mcp` }),
      api_endpoint: expect.objectContaining({ value: `\${aws_apigatewayv2_api.${apiName()}.api_endpoint}` }),
    });
  });

  it('keeps state locally when no Terraform Cloud organization is configured', () => {
    expect(stack.json.terraform.backend).toEqual({
      local: { path: `../../../terraform.${stack.config.environment}.tfstate` },
    });
  });

  it(`${config().domain ? 'serves' : 'does not serve'} a custom domain`, () => {
    const { domain } = stack.config;
    const [[, api]] = resourcesOf(stack.json, 'aws_apigatewayv2_api');
    const records = resourcesOf(stack.json, 'aws_route53_record').map(([, r]) => [r.type, r.name]);
    if (!domain) {
      expect(records).toEqual([]);
      expect(resourcesOf(stack.json, 'aws_acm_certificate')).toEqual([]);
      expect(api.disable_execute_api_endpoint).toBe(false);
      return;
    }
    expect(resourcesOf(stack.json, 'aws_acm_certificate').map(([, c]) => [c.domain_name, c.validation_method])).toEqual(
      [[domain.name, 'DNS']],
    );
    expect(resourcesOf(stack.json, 'aws_apigatewayv2_domain_name').map(([, d]) => d.domain_name)).toEqual([
      domain.name,
    ]);
    expect(resourcesOf(stack.json, 'aws_apigatewayv2_api_mapping')).toHaveLength(1);
    expect(records).toEqual([
      ['A', domain.name],
      ['AAAA', domain.name],
      [expect.stringContaining('resource_record_type'), expect.stringContaining('resource_record_name')],
    ]);
    expect(Object.values(stack.json.data.aws_route53_zone)).toEqual([
      expect.objectContaining({ name: domain.hostedZoneName }),
    ]);
    // One origin: requests through the execute-api host would see another origin than the tokens' audience.
    expect(api.disable_execute_api_endpoint).toBe(true);
  });
});

describe('the Lambda artifacts the stacks deploy', () => {
  it.each(['mcp', 'wiki'] as const)('bundle nothing of cdktf or the AWS provider into the %s zip', (app) => {
    // Prepare: esbuild's metafile, written next to the zip by the build
    const meta = JSON.parse(readFileSync(join(artifactPath(app), '..', 'meta.json'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };

    // Act
    const inputs = Object.keys(meta.inputs);

    // Assess
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((input) => /\/(cdktf|@cdktf|constructs)[@/]/.test(input))).toEqual([]);
  });
});

describe('stack variants', () => {
  it('synthesizes byte-identical JSON twice in a row', () => {
    // Act
    const first = synthesize(configFor('dev'));
    const second = synthesize(configFor('dev'));

    // Assess
    try {
      expect(second.text).toBe(first.text);
    } finally {
      first.cleanup();
      second.cleanup();
    }
  });

  it('refuses, at synth time, a domain that carries a path (the /mcp/mcp incident)', () => {
    expect(() => synthesize(configFor('dev', { domain: { name: 'dev.wikibot.io/mcp' } }))).toThrow(
      'dev.domain.name: "https://dev.wikibot.io/mcp" carries path "/mcp"; an origin is scheme and host only. Set dev.domain.name=https://dev.wikibot.io',
    );
  });

  it.each(['https://dev.wikibot.io:8443', 'http://dev.wikibot.io', 'dev.wikibot.io?x=1'])(
    'refuses the domain %s',
    (name) => {
      expect(() => synthesize(configFor('dev', { domain: { name } }))).toThrow(/dev\.domain\.name/);
    },
  );

  it('stores state in the Terraform Cloud workspace of the environment when an organization is configured', () => {
    const stack = synthesize(configFor('prod', { terraformCloud: { organization: 'acme' } }));
    try {
      expect(stack.json.terraform.cloud).toEqual({
        hostname: 'app.terraform.io',
        organization: 'acme',
        workspaces: { name: 'wikibot-prod' },
      });
      expect(stack.json.terraform.backend).toBeUndefined();
    } finally {
      stack.cleanup();
    }
  });

  it('runs in an existing VPC taken by id, creating no network of its own', () => {
    // Prepare
    const network = { mode: 'existing', vpcId: 'vpc-0abc', privateSubnetIds: ['subnet-01', 'subnet-02'] };

    // Act
    const stack = synthesize(configFor('dev', { network }));

    // Assess
    try {
      for (const type of ['aws_vpc', 'aws_subnet', 'aws_nat_gateway', 'aws_internet_gateway', 'aws_eip'])
        expect(resourcesOf(stack.json, type)).toEqual([]);
      for (const [, fn] of resourcesOf(stack.json, 'aws_lambda_function')) {
        expect((fn.vpc_config as { subnet_ids: string[] }).subnet_ids).toEqual(['subnet-01', 'subnet-02']);
      }
      expect(resourcesOf(stack.json, 'aws_efs_mount_target').map(([, t]) => t.subnet_id)).toEqual([
        'subnet-01',
        'subnet-02',
      ]);
      expect(resourcesOf(stack.json, 'aws_security_group').map(([, g]) => g.vpc_id)).toEqual(['vpc-0abc', 'vpc-0abc']);
    } finally {
      stack.cleanup();
    }
  });

  it('looks the hosted zone up by id when one is configured', () => {
    const stack = synthesize(configFor('dev', { domain: { hostedZoneId: 'Z0123456789' } }));
    try {
      expect(Object.values(stack.json.data.aws_route53_zone)).toEqual([
        expect.objectContaining({ zone_id: 'Z0123456789' }),
      ]);
    } finally {
      stack.cleanup();
    }
  });
});
