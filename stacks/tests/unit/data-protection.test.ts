import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findReferences } from '@wikibot/http-api-routes';
import { configFor, resourcesOf, synthesize, type Synthesized } from '../helpers/synth.js';

type Json = Synthesized['json'];

/** The raw statements of the policy document an attribute (`${data.aws_iam_policy_document.x.json}`) points to. */
function documentStatements(json: Json, policy: string): Record<string, unknown>[] {
  const [ref] = findReferences(policy);
  return json.data.aws_iam_policy_document[ref.name].statement;
}

/** `${aws_iam_role.<name>.arn}` of the role each Lambda function runs as. */
function functionRoleArns(json: Json): string[] {
  return resourcesOf(json, 'aws_lambda_function').map(([, fn]) => String(fn.role));
}

describe.each([
  ['dev', () => configFor('dev'), false],
  ['prod', () => configFor('prod'), true],
] as const)('the wiki data of the %s stack', (_, config, protectedFromDestroy) => {
  let stack: Synthesized;
  beforeAll(() => {
    stack = synthesize(config());
  });
  afterAll(() => stack.cleanup());

  const fsAddress = () => `aws_efs_file_system.${resourcesOf(stack.json, 'aws_efs_file_system')[0][0]}`;
  const apArn = () => `\${aws_efs_access_point.${resourcesOf(stack.json, 'aws_efs_access_point')[0][0]}.arn}`;

  describe('file-system policy', () => {
    const statements = () => {
      const policies = resourcesOf(stack.json, 'aws_efs_file_system_policy').map(([, p]) => p);
      expect(policies).toHaveLength(1);
      expect(policies[0].file_system_id).toBe(`\${${fsAddress()}.id}`);
      return documentStatements(stack.json, String(policies[0].policy));
    };

    it('denies every client action without TLS, to anyone', () => {
      expect(statements()).toContainEqual({
        sid: 'DenyWithoutTls',
        effect: 'Deny',
        principals: [{ type: 'AWS', identifiers: ['*'] }],
        actions: [
          'elasticfilesystem:ClientMount',
          'elasticfilesystem:ClientWrite',
          'elasticfilesystem:ClientRootAccess',
        ],
        resources: [`\${${fsAddress()}.arn}`],
        condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
      });
    });

    it('allows only the two function roles, only mount and write, only through the access point and a mount target', () => {
      const allows = statements().filter((s) => s.effect === 'Allow');
      expect(allows).toEqual([
        {
          sid: 'WikiFunctionsThroughAccessPoint',
          effect: 'Allow',
          principals: [{ type: 'AWS', identifiers: functionRoleArns(stack.json) }],
          actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
          resources: [`\${${fsAddress()}.arn}`],
          condition: [
            { test: 'StringEquals', variable: 'elasticfilesystem:AccessPointArn', values: [apArn()] },
            { test: 'Bool', variable: 'elasticfilesystem:AccessedViaMountTarget', values: ['true'] },
          ],
        },
      ]);
      expect(functionRoleArns(stack.json)).toEqual([
        expect.stringMatching(/^\$\{aws_iam_role\.mcp_role_/),
        expect.stringMatching(/^\$\{aws_iam_role\.wiki_role_/),
      ]);
    });

    it('grants root to nobody, and denies it explicitly', () => {
      const all = statements();
      const rootAllowed = all.filter(
        (s) => s.effect === 'Allow' && (s.actions as string[]).includes('elasticfilesystem:ClientRootAccess'),
      );
      expect(rootAllowed).toEqual([]);
      expect(all).toContainEqual(
        expect.objectContaining({ sid: 'DenyRoot', effect: 'Deny', actions: ['elasticfilesystem:ClientRootAccess'] }),
      );
    });
  });

  it(`${protectedFromDestroy ? 'sets' : 'does not set'} prevent_destroy on the file system and the backup vault`, () => {
    const [[, fs]] = resourcesOf(stack.json, 'aws_efs_file_system');
    const [[, vault]] = resourcesOf(stack.json, 'aws_backup_vault');
    expect([fs.lifecycle, vault.lifecycle]).toEqual([
      { prevent_destroy: protectedFromDestroy, ignore_changes: ['creation_token'] },
      { prevent_destroy: protectedFromDestroy },
    ]);
    expect(vault.force_destroy).toBe(false);
  });

  it("backs the file system up daily into the stack's vault, kept for the configured days", () => {
    const [[vaultName]] = resourcesOf(stack.json, 'aws_backup_vault');
    const [[planName, plan]] = resourcesOf(stack.json, 'aws_backup_plan');
    expect(plan.rule).toEqual([
      {
        rule_name: 'daily',
        target_vault_name: `\${aws_backup_vault.${vaultName}.name}`,
        schedule: stack.config.backup.schedule,
        lifecycle: { delete_after: stack.config.backup.retentionDays },
      },
    ]);
    const selections = resourcesOf(stack.json, 'aws_backup_selection').map(([, s]) => s);
    expect(selections).toEqual([
      expect.objectContaining({
        plan_id: `\${aws_backup_plan.${planName}.id}`,
        resources: [`\${${fsAddress()}.arn}`],
        iam_role_arn: expect.stringMatching(/^\$\{aws_iam_role\.backup_role_.+\.arn\}$/),
      }),
    ]);
  });

  it("lets only AWS Backup assume the backup role, with AWS's backup and restore service policies", () => {
    const [[roleName, role]] = resourcesOf(stack.json, 'aws_iam_role').filter(([name]) => name.startsWith('backup_'));
    expect(documentStatements(stack.json, String(role.assume_role_policy))).toEqual([
      {
        actions: ['sts:AssumeRole'],
        effect: 'Allow',
        principals: [{ identifiers: ['backup.amazonaws.com'], type: 'Service' }],
      },
    ]);
    const attached = resourcesOf(stack.json, 'aws_iam_role_policy_attachment').map(([, a]) => [
      a.role,
      String(a.policy_arn).split(':policy/')[1],
    ]);
    expect(attached).toEqual([
      [`\${aws_iam_role.${roleName}.name}`, 'service-role/AWSBackupServiceRolePolicyForBackup'],
      [`\${aws_iam_role.${roleName}.name}`, 'service-role/AWSBackupServiceRolePolicyForRestores'],
    ]);
  });
});
