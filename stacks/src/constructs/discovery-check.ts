/**
 * @module The routing incident's route watched from outside: a Route 53 health check fetches
 * `/.well-known/oauth-protected-resource/mcp` over HTTPS and passes only when the body carries
 * `"resource":"<origin>/mcp"` — the JSON the MCP function serves, never the wiki's HTML. Route 53
 * publishes health-check metrics in us-east-1 only, so its alarm and topic live there.
 */
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { Route53HealthCheck } from '@cdktf/provider-aws/lib/route53-health-check/index.js';
import { protectedResourceMetadataUrl, resolveResourceUrl } from '@wikibot/auth-config';
import { Construct } from 'constructs';
import { AlarmTopic } from './alarms.js';

/** `/.well-known/oauth-protected-resource/mcp`: the path auth-config derives for any origin. */
export const PROTECTED_RESOURCE_METADATA_PATH = new URL(
  protectedResourceMetadataUrl(resolveResourceUrl('https://wikibot.invalid')),
).pathname;

/** The region Route 53 publishes `HealthCheckStatus` in. */
export const ROUTE53_METRICS_REGION = 'us-east-1';

/** Props of {@link DiscoveryCheck}. */
export interface DiscoveryCheckProps {
  readonly name: string;
  /** Host name of the public origin (literal or a Terraform expression). */
  readonly hostname: string;
  /** The MCP resource URL the metadata must name, `https://wikibot.io/mcp`. */
  readonly resourceUrl: string;
  readonly region: string;
  /** The stack's alarm topic, used when the stack itself is in us-east-1. */
  readonly regionalTopic: AlarmTopic;
  readonly email?: string;
  readonly defaultTags: Record<string, string>;
}

/** The health check and its alarm. */
export class DiscoveryCheck extends Construct {
  readonly healthCheck: Route53HealthCheck;

  constructor(scope: Construct, id: string, props: DiscoveryCheckProps) {
    super(scope, id);
    const { name } = props;
    this.healthCheck = new Route53HealthCheck(this, 'health-check', {
      type: 'HTTPS_STR_MATCH',
      fqdn: props.hostname,
      port: 443,
      enableSni: true,
      resourcePath: PROTECTED_RESOURCE_METADATA_PATH,
      // The metadata is compact JSON (JSON.stringify), so key and value sit side by side.
      searchString: `"resource":"${props.resourceUrl}"`,
      requestInterval: 30,
      failureThreshold: 3,
      tags: { Name: `${name}-oauth-discovery` },
    });
    let topic = props.regionalTopic;
    let provider: AwsProvider | undefined;
    if (props.region !== ROUTE53_METRICS_REGION) {
      provider = new AwsProvider(this, 'us-east-1', {
        alias: 'us_east_1',
        region: ROUTE53_METRICS_REGION,
        defaultTags: [{ tags: props.defaultTags }],
      });
      topic = new AlarmTopic(this, 'alarm-topic', { name: `${name}-alarms`, email: props.email, provider });
    }
    new CloudwatchMetricAlarm(this, 'alarm', {
      provider,
      alarmName: `${name}-oauth-discovery`,
      alarmDescription:
        `${name}: ${PROTECTED_RESOURCE_METADATA_PATH} does not ` +
        `answer the MCP resource metadata (routing incident?)`,
      namespace: 'AWS/Route53',
      metricName: 'HealthCheckStatus',
      dimensions: { HealthCheckId: this.healthCheck.id },
      statistic: 'Minimum',
      period: 60,
      evaluationPeriods: 2,
      comparisonOperator: 'LessThanThreshold',
      threshold: 1,
      treatMissingData: 'breaching',
      alarmActions: [topic.topic.arn],
      okActions: [topic.topic.arn],
    });
  }
}
