import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import { WikibotStack } from '../../src/index.js';
import { configFor, resourcesOf, synthesize, type Synthesized } from '../helpers/synth.js';
import { findValidateSetup, validateStack } from '../helpers/terraform.js';

/** Top-level keys of Terraform's JSON configuration syntax ("//" is its comment). */
const TERRAFORM_JSON_KEYS = [
  '//',
  'terraform',
  'provider',
  'resource',
  'data',
  'output',
  'variable',
  'locals',
  'module',
  'moved',
  'import',
  'check',
  'removed',
];

/** Every `type.name` a Terraform expression in the JSON refers to (resources and data sources). */
function referencedAddresses(text: string): string[] {
  const expressions = [...text.matchAll(/\$\{((?:[^{}]|\{[^{}]*\})*)\}/g)].map(([, body]) => body);
  return expressions.flatMap((body) =>
    [...body.matchAll(/\b((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z_][A-Za-z0-9_-]*)/g)].map(([, address]) => address),
  );
}

function declared(json: Synthesized['json'], address: string): boolean {
  const [first, ...rest] = address.split('.');
  const [type, name] = first === 'data' ? rest : [first, rest[0]];
  return Boolean((first === 'data' ? json.data : json.resource)?.[type]?.[name]);
}

describe.each([
  ['dev', () => configFor('dev')],
  ['prod', () => configFor('prod', { alarms: { email: 'oncall@example.com' } })],
] as const)('the synthesized %s stack uses nothing a plain terraform run cannot read', (_, config) => {
  let stack: Synthesized;
  beforeAll(() => {
    stack = synthesize(config());
  });
  afterAll(() => stack.cleanup());

  it('is Terraform JSON syntax with no module, no variable and no leftover cdktf token', () => {
    expect(Object.keys(stack.json).filter((key) => !TERRAFORM_JSON_KEYS.includes(key))).toEqual([]);
    expect(Object.keys(stack.json).filter((key) => ['module', 'variable'].includes(key))).toEqual([]);
    expect(stack.text).not.toMatch(/\$\{TfToken\[|\$\{Token\[|TOKEN\.\d+/);
    expect(Object.keys(stack.json.terraform).sort()).toEqual(['backend', 'required_providers']);
  });

  it('refers only to resources and data sources it declares, and to providers it configures', () => {
    const referenced = [...new Set(referencedAddresses(stack.text))];
    expect(referenced.length).toBeGreaterThan(40);
    expect(referenced.filter((address) => !declared(stack.json, address))).toEqual([]);
    const aliases = new Set(
      (stack.json.provider.aws as { alias?: string }[]).map((p) => (p.alias ? `aws.${p.alias}` : 'aws')),
    );
    const used = Object.values(stack.json.resource as Record<string, Record<string, { provider?: string }>>)
      .flatMap((blocks) => Object.values(blocks))
      .map((block) => block.provider)
      .filter((provider): provider is string => Boolean(provider));
    expect(used.filter((provider) => !aliases.has(provider))).toEqual([]);
  });

  it('keeps every file it deploys inside the stack directory, by relative path', () => {
    for (const [, fn] of resourcesOf(stack.json, 'aws_lambda_function')) {
      expect(String(fn.filename)).toMatch(/^assets\//);
      expect(existsSync(join(stack.stackDir, String(fn.filename)))).toBe(true);
    }
  });
});

const setup = findValidateSetup();
const skipped = setup.ok ? '' : ` (skipped: ${setup.reason})`;
const test = setup.ok ? it : it.skip;

describe('the exit path of docs/cdktf-exit.md: the stack as HCL (SYNTH_HCL_OUTPUT=true)', () => {
  test(`is valid HCL that terraform validate accepts, offline against the provider mirror${skipped}`, () => {
    if (!setup.ok) return;
    // Prepare: cdktf reads SYNTH_HCL_OUTPUT when a stack is constructed
    const outdir = mkdtempSync(join(tmpdir(), 'wikibot-hcl-'));
    const previous = process.env.SYNTH_HCL_OUTPUT;
    process.env.SYNTH_HCL_OUTPUT = 'true';
    try {
      const app = new App({ outdir });
      new WikibotStack(app, { config: configFor('prod') });
      app.synth();
      const stackDir = join(outdir, 'stacks', 'prod');
      const hcl = readFileSync(join(stackDir, 'cdk.tf'), 'utf8');

      // Act
      const result = validateStack(setup, stackDir);

      // Assess
      expect(hcl).toMatch(/^resource "aws_efs_file_system" /m);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.valid).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.SYNTH_HCL_OUTPUT;
      else process.env.SYNTH_HCL_OUTPUT = previous;
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 600_000);
});
