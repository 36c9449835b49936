/**
 * @module What pages someone: CloudWatch alarms on the functions, the API and the NAT, all sending to one
 * SNS topic per environment, with an e-mail subscription from config. Thresholds and what to do when each
 * fires are in docs/operations.md; every alarm's description names it.
 */
import {
  CloudwatchMetricAlarm,
  type CloudwatchMetricAlarmConfig,
} from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { StackConfig } from '../config.js';
import type { HttpApi } from './http-api.js';
import type { WikibotFunction } from './lambda-function.js';
import type { Egress } from './network.js';

const FIVE_MINUTES = 300;

/** An SNS topic with the operator's e-mail subscribed, in the stack's region or another (`provider`). */
export class AlarmTopic extends Construct {
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: { name: string; email?: string; provider?: TerraformProvider }) {
    super(scope, id);
    this.topic = new SnsTopic(this, 'topic', { name: props.name, provider: props.provider });
    if (props.email) {
      new SnsTopicSubscription(this, 'email', {
        topicArn: this.topic.arn,
        protocol: 'email',
        endpoint: props.email,
        provider: props.provider,
      });
    }
  }
}

/** Props of {@link Alarms}. */
export interface AlarmsProps {
  readonly name: string;
  readonly alarms: StackConfig['alarms'];
  readonly functions: readonly {
    readonly app: string;
    readonly fn: WikibotFunction;
    readonly timeoutSeconds: number;
  }[];
  readonly api: HttpApi;
  readonly egress?: Egress;
}

/** The alarm topic and every regional alarm. */
export class Alarms extends Construct {
  readonly topic: AlarmTopic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { name, alarms } = props;
    this.topic = new AlarmTopic(this, 'alarm-topic', { name: `${name}-alarms`, email: alarms.email });
    const alarm = (
      suffix: string,
      config: Omit<CloudwatchMetricAlarmConfig, 'alarmName' | 'alarmActions' | 'okActions'>,
    ) =>
      new CloudwatchMetricAlarm(this, suffix, {
        alarmName: `${name}-${suffix}`,
        alarmActions: [this.topic.topic.arn],
        okActions: [this.topic.topic.arn],
        treatMissingData: 'notBreaching',
        ...config,
      });

    for (const { app, fn, timeoutSeconds } of props.functions) {
      const lambda = {
        namespace: 'AWS/Lambda',
        dimensions: { FunctionName: fn.function.functionName },
        period: FIVE_MINUTES,
      };
      const errorsAndThrottles = [
        ['errors', 'Errors', 'an invocation failed (uncaught error, timeout or out of memory)'],
        ['throttles', 'Throttles', 'Lambda refused invocations: account or function concurrency is exhausted'],
      ] as const;
      for (const [suffix, metricName, meaning] of errorsAndThrottles) {
        alarm(`${app}-${suffix}`, {
          ...lambda,
          alarmDescription: `${name}-${app}: ${meaning}`,
          metricName,
          statistic: 'Sum',
          comparisonOperator: 'GreaterThanOrEqualToThreshold',
          threshold: 1,
          evaluationPeriods: 1,
        });
      }
      const limitMs = Math.round(timeoutSeconds * 1000 * 0.8);
      alarm(`${app}-duration-p99`, {
        ...lambda,
        alarmDescription:
          `${name}-${app}: p99 duration above ${limitMs} ms (80 % ` +
          `of the ${timeoutSeconds} s timeout) in 2 of 3 periods`,
        metricName: 'Duration',
        extendedStatistic: 'p99',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: limitMs,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
      });
    }

    const rate = (suffix: '5xx' | '4xx', percent: number, period: number) =>
      alarm(`api-${suffix}-rate`, {
        alarmDescription:
          `${name} API: more than ${percent} % of requests answered ` +
          `${suffix} (periods with ≥ ${alarms.minimumRequests} requests)`,
        comparisonOperator: 'GreaterThanThreshold',
        threshold: percent,
        evaluationPeriods: 1,
        metricQuery: [
          {
            id: 'responses',
            metric: {
              namespace: 'AWS/ApiGateway',
              metricName: suffix,
              dimensions: { ApiId: props.api.api.id },
              period,
              stat: 'Sum',
            },
          },
          {
            id: 'requests',
            metric: {
              namespace: 'AWS/ApiGateway',
              metricName: 'Count',
              dimensions: { ApiId: props.api.api.id },
              period,
              stat: 'Sum',
            },
          },
          {
            id: 'rate',
            label: `${suffix} % of requests`,
            expression: `IF(requests >= ${alarms.minimumRequests}, 100 * FILL(responses, 0) / requests, 0)`,
            returnData: true,
          },
        ],
      });
    rate('5xx', alarms.api5xxPercent, FIVE_MINUTES);
    rate('4xx', alarms.api4xxPercent, 3 * FIVE_MINUTES);

    const egress = props.egress;
    if (egress?.kind === 'nat-gateway') {
      const nat = {
        namespace: 'AWS/NATGateway',
        dimensions: { NatGatewayId: egress.id },
        period: FIVE_MINUTES,
        statistic: 'Sum',
        evaluationPeriods: 1,
      };
      alarm('nat-port-allocation-errors', {
        ...nat,
        alarmDescription: `${name} NAT gateway: could not allocate a source port (connections to WorkOS/AWS failing)`,
        metricName: 'ErrorPortAllocation',
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        threshold: 1,
      });
      alarm('nat-packets-dropped', {
        ...nat,
        alarmDescription: `${name} NAT gateway: dropping packets`,
        metricName: 'PacketsDropCount',
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        threshold: 100,
      });
    } else if (egress?.kind === 'nat-instance') {
      alarm('nat-instance-status-check', {
        alarmDescription: `${name} NAT instance: failing EC2 status checks (no egress: sign-in and WorkOS calls fail)`,
        namespace: 'AWS/EC2',
        metricName: 'StatusCheckFailed',
        dimensions: { InstanceId: egress.id },
        statistic: 'Maximum',
        period: 60,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        threshold: 1,
        evaluationPeriods: 2,
        // A stopped or missing instance publishes nothing: that is an outage too.
        treatMissingData: 'breaching',
      });
    }
  }
}
