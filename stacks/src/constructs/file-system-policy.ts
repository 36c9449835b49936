/**
 * @module The wiki file system's resource policy. Without one, any NFS client that reaches a mount
 * target gets full access, root included, and the functions' IAM grants decide nothing. With it, EFS
 * authorizes every mount with the client's IAM identity: only the two wikibot roles, only through the
 * access point (which pins uid/gid 1000 and `/wiki`), only over TLS, never as root.
 */
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { EfsFileSystemPolicy } from '@cdktf/provider-aws/lib/efs-file-system-policy/index.js';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { Construct } from 'constructs';
import type { Storage } from './storage.js';

/** Every action an NFS client can be granted. */
export const EFS_CLIENT_ACTIONS = [
  'elasticfilesystem:ClientMount',
  'elasticfilesystem:ClientWrite',
  'elasticfilesystem:ClientRootAccess',
];

/** Props of {@link FileSystemPolicy}. */
export interface FileSystemPolicyProps {
  readonly storage: Storage;
  /** The roles that may mount the file system (the MCP and wiki functions'). */
  readonly roles: readonly IamRole[];
}

/** Attaches the file-system policy. */
export class FileSystemPolicy extends Construct {
  constructor(scope: Construct, id: string, props: FileSystemPolicyProps) {
    super(scope, id);
    const { fileSystem, accessPoint } = props.storage;
    const anyone = [{ type: 'AWS', identifiers: ['*'] }];
    const document = new DataAwsIamPolicyDocument(this, 'document', {
      statement: [
        {
          sid: 'DenyWithoutTls',
          effect: 'Deny',
          principals: anyone,
          actions: EFS_CLIENT_ACTIONS,
          resources: [fileSystem.arn],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
        {
          sid: 'DenyRoot',
          effect: 'Deny',
          principals: anyone,
          actions: ['elasticfilesystem:ClientRootAccess'],
          resources: [fileSystem.arn],
        },
        {
          sid: 'WikiFunctionsThroughAccessPoint',
          effect: 'Allow',
          principals: [{ type: 'AWS', identifiers: props.roles.map((role) => role.arn) }],
          actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
          resources: [fileSystem.arn],
          condition: [
            { test: 'StringEquals', variable: 'elasticfilesystem:AccessPointArn', values: [accessPoint.arn] },
            { test: 'Bool', variable: 'elasticfilesystem:AccessedViaMountTarget', values: ['true'] },
          ],
        },
      ],
    });
    new EfsFileSystemPolicy(this, 'policy', { fileSystemId: fileSystem.id, policy: document.json });
  }
}
