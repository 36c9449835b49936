import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFor, resourcesOf, synthesize, type Synthesized } from '../helpers/synth.js';

type Alarm = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EMAIL = 'oncall@example.com';

describe.each([
  ['dev', () => configFor('dev', { alarms: { email: EMAIL } })],
  ['prod', () => configFor('prod', { alarms: { email: EMAIL } })],
] as const)('alarms of the %s stack', (_, config) => {
  let stack: Synthesized;
  beforeAll(() => {
    stack = synthesize(config());
  });
  afterAll(() => stack.cleanup());

  const alarms = () =>
    new Map(resourcesOf(stack.json, 'aws_cloudwatch_metric_alarm').map(([, a]) => [String(a.alarm_name), a as Alarm]));
  const regionalTopic = () => {
    const [name] =
      resourcesOf(stack.json, 'aws_sns_topic').find(
        ([, t]) => t.name === `wikibot-${stack.config.environment}-alarms` && !t.provider,
      ) ?? [];
    return `\${aws_sns_topic.${name}.arn}`;
  };
  const functionName = (app: string) => {
    const [name] =
      resourcesOf(stack.json, 'aws_lambda_function').find(
        ([, fn]) => fn.function_name === `wikibot-${stack.config.environment}-${app}`,
      ) ?? [];
    return `\${aws_lambda_function.${name}.function_name}`;
  };

  it('sends every alarm, and its recovery, to the topic the configured e-mail is subscribed to', () => {
    const subscriptions = resourcesOf(stack.json, 'aws_sns_topic_subscription').map(([, s]) => s);
    expect(subscriptions).toContainEqual(
      expect.objectContaining({ topic_arn: regionalTopic(), protocol: 'email', endpoint: EMAIL }),
    );
    for (const alarm of alarms().values()) {
      if (alarm.provider) continue; // the us-east-1 health-check alarm: its own topic, checked below
      expect([alarm.alarm_name, alarm.alarm_actions, alarm.ok_actions]).toEqual([
        alarm.alarm_name,
        [regionalTopic()],
        [regionalTopic()],
      ]);
    }
  });

  it.each(['mcp', 'wiki'])('watches errors, throttles and p99 duration of the %s function', (app) => {
    const env = stack.config.environment;
    const timeoutMs = stack.config.functions[app as 'mcp' | 'wiki'].timeoutSeconds * 1000;
    const byName = alarms();
    for (const [suffix, metric] of [
      ['errors', 'Errors'],
      ['throttles', 'Throttles'],
    ]) {
      expect(byName.get(`wikibot-${env}-${app}-${suffix}`)).toMatchObject({
        namespace: 'AWS/Lambda',
        metric_name: metric,
        dimensions: { FunctionName: functionName(app) },
        statistic: 'Sum',
        comparison_operator: 'GreaterThanOrEqualToThreshold',
        threshold: 1,
      });
    }
    expect(byName.get(`wikibot-${env}-${app}-duration-p99`)).toMatchObject({
      namespace: 'AWS/Lambda',
      metric_name: 'Duration',
      extended_statistic: 'p99',
      dimensions: { FunctionName: functionName(app) },
      threshold: Math.round(timeoutMs * 0.8),
      comparison_operator: 'GreaterThanThreshold',
    });
  });

  it.each([
    ['5xx', 'api5xxPercent', 300],
    ['4xx', 'api4xxPercent', 900],
  ] as const)('watches the API %s rate as a percentage of requests, ignoring quiet periods', (status, key, period) => {
    const alarm = alarms().get(`wikibot-${stack.config.environment}-api-${status}-rate`);
    const [[apiName]] = resourcesOf(stack.json, 'aws_apigatewayv2_api');
    const metric = (name: string) => ({
      namespace: 'AWS/ApiGateway',
      metric_name: name,
      dimensions: { ApiId: `\${aws_apigatewayv2_api.${apiName}.id}` },
      period,
      stat: 'Sum',
    });
    expect(alarm?.threshold).toBe(stack.config.alarms[key]);
    expect(alarm?.metric_query).toEqual([
      { id: 'responses', metric: metric(status) },
      { id: 'requests', metric: metric('Count') },
      {
        id: 'rate',
        label: `${status} % of requests`,
        expression: `IF(requests >= ${stack.config.alarms.minimumRequests}, 100 * FILL(responses, 0) / requests, 0)`,
        return_data: true,
      },
    ]);
  });

  it("watches the NAT that carries the functions' egress", () => {
    const env = stack.config.environment;
    const byName = alarms();
    if (stack.config.network.mode === 'create' && stack.config.network.egress === 'nat-instance') {
      const [[instance]] = resourcesOf(stack.json, 'aws_instance');
      expect(byName.get(`wikibot-${env}-nat-instance-status-check`)).toMatchObject({
        namespace: 'AWS/EC2',
        metric_name: 'StatusCheckFailed',
        dimensions: { InstanceId: `\${aws_instance.${instance}.id}` },
        treat_missing_data: 'breaching',
      });
    } else {
      const [[nat]] = resourcesOf(stack.json, 'aws_nat_gateway');
      for (const [suffix, metric] of [
        ['port-allocation-errors', 'ErrorPortAllocation'],
        ['packets-dropped', 'PacketsDropCount'],
      ]) {
        expect(byName.get(`wikibot-${env}-nat-${suffix}`)).toMatchObject({
          namespace: 'AWS/NATGateway',
          metric_name: metric,
          dimensions: { NatGatewayId: `\${aws_nat_gateway.${nat}.id}` },
        });
      }
    }
  });
});

describe('alarms without an e-mail configured', () => {
  it('still create the topic and every alarm, with no subscription (and a synth warning)', () => {
    const stack = synthesize(configFor('prod'));
    try {
      expect(resourcesOf(stack.json, 'aws_sns_topic_subscription')).toEqual([]);
      expect(resourcesOf(stack.json, 'aws_sns_topic').length).toBeGreaterThan(0);
      expect(resourcesOf(stack.json, 'aws_cloudwatch_metric_alarm').length).toBeGreaterThanOrEqual(10);
      const manifest = JSON.parse(readFileSync(join(stack.stackDir, '..', '..', 'manifest.json'), 'utf8'));
      expect(manifest.stacks.prod.annotations).toContainEqual(
        expect.objectContaining({
          level: '@cdktf/warn',
          message: 'prod.alarms.email is not set: alarms reach an SNS topic nobody is subscribed to',
        }),
      );
    } finally {
      stack.cleanup();
    }
  });
});
