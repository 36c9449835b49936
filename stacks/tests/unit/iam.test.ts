import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findReferences } from '@wikibot/http-api-routes';
import { allStatements, roleStatements, wildcardViolations } from '../helpers/policies.js';
import { configFor, resourcesOf, synthesize, type Synthesized } from '../helpers/synth.js';

describe.each([
  ['dev', () => configFor('dev')],
  ['prod', () => configFor('prod', { secrets: { mcpApiKey: '/wikibot/prod/mcp-api-key' } })],
] as const)('IAM of the %s stack', (_, config) => {
  let stack: Synthesized;
  beforeAll(() => {
    stack = synthesize(config());
  });
  afterAll(() => stack.cleanup());

  const functions = () =>
    resourcesOf(stack.json, 'aws_lambda_function').map(([, fn]) => {
      const [role] = findReferences(String(fn.role));
      const variables = (fn.environment as { variables: Record<string, string> }).variables;
      return { fn, variables, statements: roleStatements(stack.json, role.address) };
    });

  it('has no wildcard action anywhere, and Resource "*" only on the VPC network-interface actions', () => {
    // Act
    const statements = allStatements(stack.json);

    // Assess
    expect(statements.length).toBeGreaterThan(10);
    expect(wildcardViolations(statements)).toEqual([]);
  });

  it('grants each function exactly the network-interface actions of AWSLambdaVPCAccessExecutionRole on "*"', () => {
    for (const { statements } of functions()) {
      const unscoped = statements.filter((s) => s.resources.includes('*'));
      expect(unscoped.map((s) => [...s.actions].sort())).toEqual([
        [
          'ec2:AssignPrivateIpAddresses',
          'ec2:CreateNetworkInterface',
          'ec2:DeleteNetworkInterface',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DescribeSubnets',
          'ec2:UnassignPrivateIpAddresses',
        ],
      ]);
    }
  });

  it('lets each function write to its own log group only', () => {
    for (const { fn, statements } of functions()) {
      const logs = statements.filter((s) => s.actions.some((a) => a.startsWith('logs:')));
      const [group] = findReferences(String((fn.logging_config as { log_group: string }).log_group));
      expect(logs).toHaveLength(1);
      expect(logs[0].actions.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      expect(logs[0].resources).toEqual([`\${${group.address}.arn}:*`]);
    }
  });

  it('lets each function read exactly the SSM parameters its *_PARAMETER variables name', () => {
    for (const { variables, statements } of functions()) {
      // Prepare
      const named = Object.entries(variables)
        .filter(([key]) => key.endsWith('_PARAMETER'))
        .map(([, name]) => name)
        .sort();

      // Act
      const ssm = statements.filter((s) => s.actions.some((a) => a.startsWith('ssm:')));

      // Assess
      expect(named.length).toBeGreaterThan(0);
      expect(ssm).toHaveLength(1);
      expect(ssm[0].actions).toEqual(['ssm:GetParameter']);
      expect(
        ssm[0].resources.map((arn) => arn.replace(/^arn:\$\{[^}]+\}:ssm:[a-z0-9-]+:\$\{[^}]+\}:parameter/, '')).sort(),
      ).toEqual(named);
    }
  });

  it('lets each function decrypt only through SSM in its region', () => {
    for (const { statements } of functions()) {
      const kms = statements.filter((s) => s.actions.includes('kms:Decrypt'));
      expect(kms).toHaveLength(1);
      expect(kms[0].resources).toEqual([expect.stringMatching(/^\$\{data\.aws_kms_alias\.[^}]+\.target_key_arn\}$/)]);
      expect(kms[0].conditions).toEqual([
        { test: 'StringEquals', variable: 'kms:ViaService', values: [`ssm.${stack.config.region}.amazonaws.com`] },
      ]);
    }
  });

  it('lets each function mount the wiki file system only through its access point', () => {
    const [[fsName]] = resourcesOf(stack.json, 'aws_efs_file_system');
    const [[apName]] = resourcesOf(stack.json, 'aws_efs_access_point');
    for (const { statements } of functions()) {
      const efs = statements.filter((s) => s.actions.some((a) => a.startsWith('elasticfilesystem:')));
      expect(efs).toEqual([
        expect.objectContaining({
          actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
          resources: [`\${aws_efs_file_system.${fsName}.arn}`],
          conditions: [
            {
              test: 'StringEquals',
              variable: 'elasticfilesystem:AccessPointArn',
              values: [`\${aws_efs_access_point.${apName}.arn}`],
            },
          ],
        }),
      ]);
    }
  });

  it('trusts only the Lambda service to assume the function roles', () => {
    const functionRoles = resourcesOf(stack.json, 'aws_iam_role').filter(([, role]) =>
      /-(mcp|wiki)$/.test(String(role.name)),
    );
    expect(functionRoles).toHaveLength(2);
    for (const [, role] of functionRoles) {
      const [ref] = findReferences(String(role.assume_role_policy));
      const document = stack.json.data.aws_iam_policy_document[ref.name];
      expect(document.statement).toEqual([
        {
          actions: ['sts:AssumeRole'],
          effect: 'Allow',
          principals: [{ identifiers: ['lambda.amazonaws.com'], type: 'Service' }],
        },
      ]);
    }
  });
});

describe('the IAM wildcard check', () => {
  it.each([
    [
      'a wildcard action in policy JSON',
      { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b' },
      /wildcard action "s3:\*"/,
    ],
    ['a bare "*" action', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }, /wildcard action "\*"/],
    [
      'Resource "*" on a non-ENI action',
      { Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: '*' },
      /Resource "\*" for ssm:GetParameter/,
    ],
    ['NotAction', { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::b' }, /NotAction/],
  ])('catches %s', (_, statement, message) => {
    // Prepare
    const json = {
      resource: {
        aws_iam_policy: { p: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) } },
      },
    };

    // Act
    const violations = wildcardViolations(allStatements(json));

    // Assess
    expect(violations.join('\n')).toMatch(message);
  });

  it('refuses a role policy that references a policy document the stack does not declare', () => {
    const json = {
      resource: { aws_iam_role_policy: { p: { role: 'r', policy: '${data.aws_iam_policy_document.gone.json}' } } },
    };
    expect(() => allStatements(json)).toThrow('does not declare');
  });
});
