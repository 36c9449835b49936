import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@wikibot/auth-config';
import { createApp } from '@wikibot/mcp';
import { configFor, resourcesOf, synthesize, type Synthesized } from '../helpers/synth.js';

/** The MCP function's answer to a request, the function built from its environment in the synthesized stack. */
async function mcpAnswer(stack: Synthesized, url: string): Promise<Response> {
  const [, fn] =
    resourcesOf(stack.json, 'aws_lambda_function').find(([, f]) => String(f.function_name).endsWith('-mcp')) ?? [];
  const variables = (fn?.environment as { variables: Record<string, string> }).variables;
  const app = createApp(loadConfig(variables), { log: () => {} });
  return app.fetch(new Request(url));
}

function withStack<T>(overrides: unknown, environment: 'dev' | 'prod', use: (stack: Synthesized) => T): T {
  const stack = synthesize(configFor(environment, overrides));
  try {
    return use(stack);
  } finally {
    stack.cleanup();
  }
}

describe('the OAuth discovery health check', () => {
  it('watches the prod domain over HTTPS for the JSON that names its MCP resource', async () => {
    // Prepare
    const { check, alarm, subscriptions, stack } = withStack(
      { alarms: { email: 'oncall@example.com' } },
      'prod',
      (s) => {
        const [[checkName, check]] = resourcesOf(s.json, 'aws_route53_health_check');
        const alarm = resourcesOf(s.json, 'aws_cloudwatch_metric_alarm').find(
          ([, a]) => a.alarm_name === 'wikibot-prod-oauth-discovery',
        )?.[1];
        const subscriptions = resourcesOf(s.json, 'aws_sns_topic_subscription').map(([, sub]) => sub);
        return { check: { ...check, name: checkName }, alarm, subscriptions, stack: { provider: s.json.provider.aws } };
      },
    );

    // Assess: the check
    expect(check).toMatchObject({
      type: 'HTTPS_STR_MATCH',
      fqdn: 'wikibot.io',
      port: 443,
      enable_sni: true,
      resource_path: '/.well-known/oauth-protected-resource/mcp',
      search_string: '"resource":"https://wikibot.io/mcp"',
    });
    // Assess: alarmed in us-east-1, where Route 53 publishes its metrics, to a topic the e-mail is subscribed to
    expect(stack.provider).toContainEqual(expect.objectContaining({ alias: 'us_east_1', region: 'us-east-1' }));
    expect(alarm).toMatchObject({
      provider: 'aws.us_east_1',
      namespace: 'AWS/Route53',
      metric_name: 'HealthCheckStatus',
      dimensions: { HealthCheckId: `\${aws_route53_health_check.${check.name}.id}` },
      comparison_operator: 'LessThanThreshold',
      threshold: 1,
      treat_missing_data: 'breaching',
    });
    const [usEast1Topic] = alarm?.alarm_actions as string[];
    expect(subscriptions).toContainEqual(
      expect.objectContaining({ provider: 'aws.us_east_1', topic_arn: usEast1Topic, endpoint: 'oncall@example.com' }),
    );
  });

  it("passes on what the MCP function really serves at that path, and not on another origin's metadata", async () => {
    // Prepare
    const [prod, dev] = [
      withStack({}, 'prod', (s) => ({ stack: s, check: resourcesOf(s.json, 'aws_route53_health_check')[0][1] })),
      withStack({ domain: { name: 'dev.wikibot.io' } }, 'dev', (s) => s),
    ];
    const path = String(prod.check.resource_path);

    // Act
    const served = await mcpAnswer(prod.stack, `https://${prod.check.fqdn}${path}`);
    const other = await mcpAnswer(dev, `https://dev.wikibot.io${path}`);

    // Assess
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await served.text()).toContain(String(prod.check.search_string));
    expect(await other.text()).not.toContain(String(prod.check.search_string));
  });

  it('probes the API endpoint when there is no custom domain', () => {
    withStack({ domain: null, alarms: { discoveryHealthCheck: true } }, 'dev', (stack) => {
      const [[, check]] = resourcesOf(stack.json, 'aws_route53_health_check');
      const [[api]] = resourcesOf(stack.json, 'aws_apigatewayv2_api');
      expect(check.fqdn).toBe(`\${replace(aws_apigatewayv2_api.${api}.api_endpoint, "https://", "")}`);
      expect(check.search_string).toBe(`"resource":"\${aws_apigatewayv2_api.${api}.api_endpoint}/mcp"`);
    });
  });

  it('is off in dev by default', () => {
    withStack({}, 'dev', (stack) => expect(resourcesOf(stack.json, 'aws_route53_health_check')).toEqual([]));
  });
});
