/**
 * @module AWS Backup of the wiki's file system into the stack's own vault: a daily rule, a retention,
 * and (prod) `prevent_destroy` on the vault so the recovery points outlive any mistake in the stack.
 * Restoring is scripts/restore-from-backup.sh (docs/operations.md).
 */
import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan/index.js';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection/index.js';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault/index.js';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { Construct } from 'constructs';
import type { StackConfig } from '../config.js';
import type { AwsContext } from './aws-context.js';
import type { Storage } from './storage.js';

/** AWS's managed policies for the AWS Backup service role: taking backups, and restoring them. */
const BACKUP_SERVICE_POLICIES = ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores'];

/** Props of {@link Backup}. */
export interface BackupProps {
  readonly name: string;
  readonly storage: Storage;
  readonly aws: AwsContext;
  readonly backup: StackConfig['backup'];
  /** `prevent_destroy` on the vault. */
  readonly protect: boolean;
}

/** The vault, the plan and the selection of the file system. */
export class Backup extends Construct {
  readonly vault: BackupVault;
  /** The role AWS Backup assumes to back up and to restore (the restore script passes it). */
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: BackupProps) {
    super(scope, id);
    const { name, storage, backup } = props;
    this.vault = new BackupVault(this, 'vault', {
      name: `${name}-wiki`,
      forceDestroy: false,
      lifecycle: { preventDestroy: props.protect },
    });
    const plan = new BackupPlan(this, 'plan', {
      name: `${name}-wiki`,
      rule: [
        {
          ruleName: 'daily',
          targetVaultName: this.vault.name,
          schedule: backup.schedule,
          lifecycle: { deleteAfter: backup.retentionDays },
        },
      ],
    });
    const assume = new DataAwsIamPolicyDocument(this, 'assume-role', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['backup.amazonaws.com'] }],
        },
      ],
    });
    this.role = new IamRole(this, 'role', { name: `${name}-backup`, assumeRolePolicy: assume.json });
    const attachments = BACKUP_SERVICE_POLICIES.map(
      (policy) =>
        new IamRolePolicyAttachment(this, `role-${policy}`, {
          role: this.role.name,
          policyArn: `arn:${props.aws.partition}:iam::aws:policy/service-role/${policy}`,
        }),
    );
    new BackupSelection(this, 'selection', {
      name: `${name}-wiki`,
      planId: plan.id,
      iamRoleArn: this.role.arn,
      resources: [storage.fileSystem.arn],
      dependsOn: attachments,
    });
  }
}
