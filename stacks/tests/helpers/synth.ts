/**
 * Synthesizes stacks in-process into a temporary cdktf.out, exactly as `npm run synth` does, and reads
 * the result back: the JSON, the stack directory (with its copied assets) and the route table.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRouteTable, type RouteTable } from '@wikibot/http-api-routes';
import { App } from 'cdktf';
import {
  DEFAULTS,
  mergeConfig,
  parseStackConfig,
  WikibotStack,
  type EnvironmentName,
  type StackConfig,
} from '../../src/index.js';

/** A synthesized stack on disk. */
export interface Synthesized {
  readonly config: StackConfig;
  /** `<outdir>/stacks/<env>`: Terraform's working directory. */
  readonly stackDir: string;
  /** The raw text of cdk.tf.json. */
  readonly text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Terraform JSON is walked dynamically.
  readonly json: any;
  readonly routes: RouteTable['routes'];
  /** Removes the temporary output directory. */
  readonly cleanup: () => void;
}

/** An environment's default settings with `overrides` merged over them, validated. */
export function configFor(environment: EnvironmentName, overrides: unknown = {}): StackConfig {
  return parseStackConfig(mergeConfig(DEFAULTS[environment], overrides), environment);
}

/** The stacks every per-stack test runs against: both environments, and dev without a custom domain. */
export const STACK_VARIANTS = [
  ['dev', () => configFor('dev')],
  ['prod', () => configFor('prod')],
  ['dev without a custom domain', () => configFor('dev', { domain: null })],
] as const;

/** Synthesizes one stack into a fresh temporary outdir. */
export function synthesize(config: StackConfig): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'wikibot-synth-'));
  const app = new App({ outdir });
  new WikibotStack(app, { config });
  app.synth();
  const stackDir = join(outdir, 'stacks', config.environment);
  const text = readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8');
  const json = JSON.parse(text);
  return {
    config,
    stackDir,
    text,
    json,
    routes: readRouteTable(json, { stackDir }).routes,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** Which wikibot app a function is (`wikibot-dev-mcp` → `mcp`), from its function name. */
export function appOf(functionName: string | undefined): string {
  return functionName?.split('-').at(-1) ?? '(unnamed)';
}

/** Every `<type>.<name>` resource body of one type. */
export function resourcesOf(json: Synthesized['json'], type: string): [string, Record<string, unknown>][] {
  return Object.entries(json.resource?.[type] ?? {});
}
