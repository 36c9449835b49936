/**
 * @module The wiki's git repository lives on EFS: encrypted, reached by both Lambdas through one access
 * point that pins the POSIX identity and the root directory, and (prod) protected from deletion by
 * Terraform. Backups are the stack's own AWS Backup plan (backup.ts); the file-system policy, which
 * needs the functions' roles, is file-system-policy.ts.
 */
import { EfsAccessPoint } from '@cdktf/provider-aws/lib/efs-access-point/index.js';
import { EfsBackupPolicy } from '@cdktf/provider-aws/lib/efs-backup-policy/index.js';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system/index.js';
import { EfsMountTarget } from '@cdktf/provider-aws/lib/efs-mount-target/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import { Construct } from 'constructs';
import type { Network } from './network.js';

/** Where the Lambdas mount the file system. */
export const MOUNT_PATH = '/mnt/wiki';
/** The wiki's git repository on the mount (`WIKI_DATA_DIR`). */
export const WIKI_DATA_DIR = `${MOUNT_PATH}/repo`;
const NFS_PORT = 2049;
/** The POSIX user both Lambdas act as on the file system. */
const POSIX_ID = 1000;

/** Props of {@link Storage}. */
export interface StorageProps {
  readonly name: string;
  readonly network: Network;
  /** `prevent_destroy`: a destroy, or any change that would replace the file system, fails the plan. */
  readonly protect: boolean;
}

/** The EFS file system, its access point and its mount targets. */
export class Storage extends Construct {
  readonly fileSystem: EfsFileSystem;
  readonly accessPoint: EfsAccessPoint;
  /** A function mounting the file system must be created after these, or its creation fails. */
  readonly mountTargets: EfsMountTarget[];

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const { name, network } = props;
    this.fileSystem = new EfsFileSystem(this, 'fs', {
      creationToken: `${name}-wiki`,
      encrypted: true,
      performanceMode: 'generalPurpose',
      throughputMode: 'elastic',
      tags: { Name: `${name}-wiki` },
      // The token only makes creation idempotent; a file system restored from backup (and imported in
      // place of this one, docs/operations.md) has another, which must not force a replacement.
      lifecycle: { preventDestroy: props.protect, ignoreChanges: ['creation_token'] },
    });
    // EFS automatic backups go to an AWS-managed vault nothing can protect; the stack's plan replaces them.
    new EfsBackupPolicy(this, 'backup', { fileSystemId: this.fileSystem.id, backupPolicy: { status: 'DISABLED' } });
    this.accessPoint = new EfsAccessPoint(this, 'access-point', {
      fileSystemId: this.fileSystem.id,
      posixUser: { uid: POSIX_ID, gid: POSIX_ID },
      rootDirectory: { path: '/wiki', creationInfo: { ownerUid: POSIX_ID, ownerGid: POSIX_ID, permissions: '750' } },
      tags: { Name: `${name}-wiki` },
    });
    const efsSecurityGroup = new SecurityGroup(this, 'efs-sg', {
      name: `${name}-efs`,
      description: 'wikibot file system: NFS from the wikibot Lambdas only',
      vpcId: network.vpcId,
      tags: { Name: `${name}-efs` },
    });
    new VpcSecurityGroupIngressRule(this, 'nfs-in', {
      securityGroupId: efsSecurityGroup.id,
      description: 'NFS from the wikibot Lambdas',
      ipProtocol: 'tcp',
      fromPort: NFS_PORT,
      toPort: NFS_PORT,
      referencedSecurityGroupId: network.lambdaSecurityGroup.id,
    });
    new VpcSecurityGroupEgressRule(this, 'nfs-out', {
      securityGroupId: network.lambdaSecurityGroup.id,
      description: 'NFS to the wiki file system',
      ipProtocol: 'tcp',
      fromPort: NFS_PORT,
      toPort: NFS_PORT,
      referencedSecurityGroupId: efsSecurityGroup.id,
    });
    this.mountTargets = network.privateSubnetIds.map(
      (subnetId, i) =>
        new EfsMountTarget(this, `mount-${i}`, {
          fileSystemId: this.fileSystem.id,
          subnetId,
          securityGroups: [efsSecurityGroup.id],
        }),
    );
  }
}
