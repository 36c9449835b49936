import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFor, STACK_VARIANTS, synthesize } from '../helpers/synth.js';
import { findValidateSetup, validateStack } from '../helpers/terraform.js';

const setup = findValidateSetup();
const skipped = setup.ok ? '' : ` (skipped: ${setup.reason})`;
const test = setup.ok ? it : it.skip;
if (!setup.ok) console.warn(`terraform-validate.test.ts: skipping terraform validate: ${setup.reason}`);
const TIMEOUT = 600_000;

describe(`terraform validate of every synthesized stack, offline against the provider mirror${skipped}`, () => {
  /**
   * Every option the defaults leave off: e-mail, health check without a domain, NAT gateway, Bedrock elsewhere,
   * Terraform Cloud.
   */
  const everyOption = () =>
    configFor('dev', {
      domain: { name: 'dev.wikibot.io', delegatedZone: true },
      alarms: { email: 'oncall@example.com', discoveryHealthCheck: true },
      network: { egress: 'nat-gateway' },
      bedrock: { region: 'eu-central-1' },
      terraformCloud: { organization: 'acme' },
    });
  const noDomainWithCheck = () => configFor('prod', { domain: null, network: { egress: 'nat-instance' } });
  test.each([
    ...STACK_VARIANTS,
    ['dev with every option on', everyOption],
    ['prod without a domain, on a NAT instance', noDomainWithCheck],
  ] as const)(
    `passes for the %s stack${skipped}`,
    (_, config) => {
      if (!setup.ok) return;
      // Prepare
      const stack = synthesize(config());
      try {
        // Act
        const result = validateStack(setup, stack.stackDir);

        // Assess
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(result.valid).toBe(true);
      } finally {
        stack.cleanup();
      }
    },
    TIMEOUT,
  );

  describe('the check itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wikibot-invalid-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test(
      `fails a stack that references an undeclared resource and an argument the provider lacks${skipped}`,
      () => {
        if (!setup.ok) return;
        // Prepare
        const json = {
          terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } } },
          provider: { aws: [{ region: 'eu-west-1' }] },
          resource: {
            aws_sns_topic: { alarms: { name: 'x', no_such_argument: true } },
            aws_sns_topic_subscription: {
              mail: { topic_arn: '${aws_sns_topic.missing.arn}', protocol: 'email', endpoint: 'a@b.c' },
            },
          },
        };
        writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(json));

        // Act
        const result = validateStack(setup, dir);

        // Assess
        expect(result.valid).toBe(false);
        const summaries = result.diagnostics.map((d) => d.summary);
        expect(summaries).toEqual(
          expect.arrayContaining(['Extraneous JSON object property', 'Reference to undeclared resource']),
        );
      },
      TIMEOUT,
    );
  });
});
