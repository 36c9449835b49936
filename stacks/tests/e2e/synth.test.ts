import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRouteTable } from '@wikibot/http-api-routes';
import { routingViolations } from '../helpers/routing-probes.js';

const STACKS_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the app the way `npm run synth` (and `cdktf synth`) does, into `outdir`. */
function runSynth(outdir: string, env: Record<string, string> = {}) {
  const { PATH, HOME } = process.env;
  return spawnSync(join(STACKS_DIR, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    cwd: STACKS_DIR,
    env: { PATH, HOME, CDKTF_OUTDIR: outdir, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('the stacks app (src/main.ts)', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'wikibot-main-'));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('writes cdktf.out/stacks/<env>/cdk.tf.json for dev and prod, each with a correct route table and its zips', () => {
    // Act
    const result = runSynth(outdir, { WIKIBOT_DEV_DOMAIN: 'null' });

    // Assess
    // stderr only matters (and is shown) when the app failed; Node may print harmless warnings.
    expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(['dev', 'prod']);
    for (const env of ['dev', 'prod']) {
      const { routes } = loadRouteTable(join(outdir, 'stacks', env));
      expect(routingViolations(routes)).toEqual([]);
    }
    const dev = JSON.parse(readFileSync(join(outdir, 'stacks', 'dev', 'cdk.tf.json'), 'utf8'));
    expect(dev.output.mcp_url.value).toMatch(/^\$\{aws_apigatewayv2_api\.[^}]+\.api_endpoint\}\/mcp$/);
  });

  it('fails with the setting at fault when an override is invalid', () => {
    // Act
    const result = runSynth(join(outdir, 'bad'), {
      WIKIBOT_ENVIRONMENTS: 'prod',
      WIKIBOT_PROD_DOMAIN__NAME: 'wikibot.io/mcp',
    });

    // Assess
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('prod.domain.name: "https://wikibot.io/mcp" carries path "/mcp"');
  });
});
