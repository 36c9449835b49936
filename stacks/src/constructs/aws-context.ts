/**
 * @module Account-wide facts resolved by Terraform (account id, partition, the SSM KMS key), looked up
 * once per stack so no ARN is typed and no account id sits in the code.
 */
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity/index.js';
import { DataAwsKmsAlias } from '@cdktf/provider-aws/lib/data-aws-kms-alias/index.js';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition/index.js';
import { Construct } from 'constructs';

/** Props of {@link AwsContext}. */
export interface AwsContextProps {
  readonly region: string;
  /** KMS alias of the key SSM SecureString parameters are encrypted with, e.g. `alias/aws/ssm`. */
  readonly ssmKmsKeyAlias: string;
}

/** The account, partition and region a stack deploys to. */
export class AwsContext extends Construct {
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  /** ARN of the KMS key behind the SecureString parameters. */
  readonly ssmKmsKeyArn: string;

  constructor(scope: Construct, id: string, props: AwsContextProps) {
    super(scope, id);
    this.region = props.region;
    this.accountId = new DataAwsCallerIdentity(this, 'caller').accountId;
    this.partition = new DataAwsPartition(this, 'partition').partition;
    this.ssmKmsKeyArn = new DataAwsKmsAlias(this, 'ssm-key', { name: props.ssmKmsKeyAlias }).targetKeyArn;
  }

  /**
   * ARN of an SSM parameter, from its name. The parameter itself is never read by Terraform: a
   * `data "aws_ssm_parameter"` would copy the secret into the state.
   *
   * @example
   * ```ts
   * context.ssmParameterArn('/wikibot/dev/workos-api-key');
   * // 'arn:${partition}:ssm:eu-west-1:${account}:parameter/wikibot/dev/workos-api-key'
   * ```
   */
  ssmParameterArn(name: string): string {
    return `arn:${this.partition}:ssm:${this.region}:${this.accountId}:parameter${name}`;
  }

  /** The service principal-style `kms:ViaService` value for SSM in this region. */
  get ssmViaService(): string {
    return `ssm.${this.region}.amazonaws.com`;
  }
}
