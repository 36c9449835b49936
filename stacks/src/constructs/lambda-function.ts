/**
 * @module One wikibot Lambda: a deterministic zip shipped as a TerraformAsset, `nodejs22.x` on arm64,
 * its own log group with retention, and a role that grows one least-privilege grant per binding. As
 * with Powertools' `FunctionWithLogStream.bindTable()`, a binding sets the environment variable and
 * the permission together, so neither can be forgotten.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function/index.js';
import { AssetType, TerraformAsset, dependable } from 'cdktf';
import { Construct } from 'constructs';
import { MissingArtifactError, StackConfigError } from '../errors.js';
import type { AwsContext } from './aws-context.js';
import type { Network } from './network.js';
import { MOUNT_PATH, type Storage } from './storage.js';

/** Lambda's runtime and architecture for every wikibot function. */
export const RUNTIME = 'nodejs22.x';
export const ARCHITECTURE = 'arm64';
/** The bundles export `handler` from `index.mjs` (packages/tooling/bin/bundle-lambda.mjs). */
export const HANDLER = 'index.handler';

/**
 * The network interface actions Lambda needs for `vpc_config` (those of AWSLambdaVPCAccessExecutionRole);
 * AWS does not scope them to resources.
 */
export const ENI_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
];

/** Environment variable names that must never carry a value in plain text. */
const SECRET_NAME = /KEY|SECRET|TOKEN|PASSWORD/i;

/** A Bedrock embedding model a function may invoke. */
export interface EmbeddingModel {
  readonly region: string;
  /** `amazon.titan-embed-text-v2:0`. */
  readonly modelId: string;
  readonly dimensions: number;
}

/** Props of {@link WikibotFunction}. */
export interface WikibotFunctionProps {
  /** Function, role and log group name, e.g. `wikibot-dev-mcp`. */
  readonly name: string;
  /** Absolute path of the app's deterministic `lambda.zip`. */
  readonly artifactPath: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly logRetentionDays: number;
  readonly network: Network;
  readonly aws: AwsContext;
  /** Plain (non-secret) environment variables. */
  readonly environment: Readonly<Record<string, string>>;
}

/** A Lambda function with its log group and role; bind secrets and storage to it. */
export class WikibotFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;
  private readonly aws: AwsContext;
  private readonly variables: Record<string, string> = {};
  private readonly parameterNames: string[] = [];
  private secretsPolicy?: DataAwsIamPolicyDocument;

  constructor(scope: Construct, id: string, props: WikibotFunctionProps) {
    super(scope, id);
    this.aws = props.aws;
    if (!existsSync(props.artifactPath)) throw new MissingArtifactError(props.artifactPath);
    const digest = createHash('sha256').update(readFileSync(props.artifactPath)).digest();
    // Content-addressed: the asset's folder and source_code_hash change only when the zip does.
    const code = new TerraformAsset(this, 'code', {
      path: props.artifactPath,
      type: AssetType.FILE,
      assetHash: digest.toString('hex'),
    });

    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/aws/lambda/${props.name}`,
      retentionInDays: props.logRetentionDays,
    });
    const assumeRole = new DataAwsIamPolicyDocument(this, 'assume-role', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }],
        },
      ],
    });
    this.role = new IamRole(this, 'role', { name: props.name, assumeRolePolicy: assumeRole.json });
    const logs = this.grant('logs', [
      {
        sid: 'WriteOwnLogs',
        effect: 'Allow',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${this.logGroup.arn}:*`],
      },
    ]);
    const eni = this.grant('network', [
      { sid: 'VpcNetworkInterfaces', effect: 'Allow', actions: ENI_ACTIONS, resources: ['*'] },
    ]);

    for (const [key, value] of Object.entries(props.environment)) this.setEnvironment(key, value);
    this.function = new LambdaFunction(this, 'function', {
      functionName: props.name,
      role: this.role.arn,
      runtime: RUNTIME,
      architectures: [ARCHITECTURE],
      handler: HANDLER,
      filename: code.path,
      sourceCodeHash: digest.toString('base64'),
      memorySize: props.memoryMb,
      timeout: props.timeoutSeconds,
      environment: { variables: this.variables },
      loggingConfig: { logFormat: 'Text', logGroup: this.logGroup.name },
      vpcConfig: {
        subnetIds: props.network.privateSubnetIds,
        securityGroupIds: [props.network.lambdaSecurityGroup.id],
      },
      // Creating ENIs needs the network grant in place; logs need their group before the first line.
      dependsOn: [this.logGroup, logs.policy, eni.policy],
    });
  }

  /** Sets a plain environment variable; a name that looks secret is refused (bind a secret instead). */
  setEnvironment(key: string, value: string): void {
    if (SECRET_NAME.test(key) && !key.endsWith('_PARAMETER')) {
      throw new StackConfigError(
        key,
        'looks like a secret: bind it with bindSecret() so only its SSM parameter name is deployed',
      );
    }
    this.variables[key] = value;
    this.function?.putEnvironment({ variables: { ...this.variables } });
  }

  /**
   * Hands the function secret `key` as `<key>_PARAMETER=<name>` and lets it read exactly that SSM
   * SecureString parameter (and decrypt it, through SSM only). The value never enters Terraform.
   */
  bindSecret(key: string, parameterName: string): void {
    this.setEnvironment(`${key}_PARAMETER`, parameterName);
    this.parameterNames.push(parameterName);
    const statements: DataAwsIamPolicyDocumentStatement[] = [
      {
        sid: 'ReadOwnParameters',
        effect: 'Allow',
        actions: ['ssm:GetParameter'],
        resources: this.parameterNames.map((n) => this.aws.ssmParameterArn(n)),
      },
      {
        sid: 'DecryptThroughSsm',
        effect: 'Allow',
        actions: ['kms:Decrypt'],
        resources: [this.aws.ssmKmsKeyArn],
        condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [this.aws.ssmViaService] }],
      },
    ];
    if (this.secretsPolicy) this.secretsPolicy.putStatement(statements);
    else this.secretsPolicy = this.grant('secrets', statements).document;
  }

  /**
   * Lets the function embed text with one Bedrock model: `bedrock:InvokeModel` on that model's ARN only,
   * and the `BEDROCK_*` variables the semantic-search client reads (the shared contract).
   */
  bindEmbeddingModel(model: EmbeddingModel): void {
    this.setEnvironment('BEDROCK_REGION', model.region);
    this.setEnvironment('BEDROCK_EMBEDDING_MODEL_ID', model.modelId);
    this.setEnvironment('BEDROCK_EMBEDDING_DIMENSIONS', String(model.dimensions));
    const arn = `arn:${this.aws.partition}:bedrock:${model.region}::foundation-model/${model.modelId}`;
    const grant = this.grant('bedrock', [
      { sid: 'InvokeEmbeddingModel', effect: 'Allow', actions: ['bedrock:InvokeModel'], resources: [arn] },
    ]);
    this.function.dependsOn = [...(this.function.dependsOn ?? []), dependable(grant.policy)];
  }

  /** Mounts the wiki file system at `/mnt/wiki` through its access point, with the matching grant. */
  mountFileSystem(storage: Storage): void {
    const grant = this.grant('storage', [
      {
        sid: 'MountWikiFileSystem',
        effect: 'Allow',
        actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
        resources: [storage.fileSystem.arn],
        condition: [
          { test: 'StringEquals', variable: 'elasticfilesystem:AccessPointArn', values: [storage.accessPoint.arn] },
        ],
      },
    ]);
    this.function.putFileSystemConfig({ arn: storage.accessPoint.arn, localMountPath: MOUNT_PATH });
    // Lambda refuses a file system config until a mount target is available in its subnets.
    this.function.dependsOn = [
      ...(this.function.dependsOn ?? []),
      ...[...storage.mountTargets, grant.policy].map((d) => dependable(d)),
    ];
  }

  /** Attaches an inline policy `id` to the role; the document stays open for {@link bindSecret} to extend. */
  private grant(
    id: string,
    statements: DataAwsIamPolicyDocumentStatement[],
  ): { document: DataAwsIamPolicyDocument; policy: IamRolePolicy } {
    const document = new DataAwsIamPolicyDocument(this, `${id}-document`, { statement: statements });
    const policy = new IamRolePolicy(this, `${id}-policy`, { name: id, role: this.role.id, policy: document.json });
    return { document, policy };
  }
}
