import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_OUTDIR, REPO_ROOT, resolveOutdir } from '../../src/index.js';
import { readCdktfJson, synthAsCdktfCli } from '../helpers/cdktf-cli.js';

const STACKS_DIR = join(REPO_ROOT, 'stacks');
// Inside the configured output folder (ignored by git), so the test never replaces a real synth.
const OUTDIR = join(readCdktfJson().output, `cli-test-${process.pid}`);

/** The dev MCP function's memory in the stack the CLI would read. */
function devMcpMemory(stackPath: string): number {
  const json = JSON.parse(readFileSync(join(REPO_ROOT, OUTDIR, stackPath), 'utf8'));
  const mcp = Object.values(
    json.resource.aws_lambda_function as Record<string, { function_name: string; memory_size: number }>,
  );
  return mcp.find((fn) => fn.function_name === 'wikibot-dev-mcp')?.memory_size ?? 0;
}

describe('cdktf synth / diff / deploy from the repository root (cdktf.json app, relative CDKTF_OUTDIR)', () => {
  afterAll(() => {
    rmSync(join(REPO_ROOT, OUTDIR), { recursive: true, force: true });
    rmSync(join(STACKS_DIR, OUTDIR), { recursive: true, force: true });
  });

  it('resolves a relative CDKTF_OUTDIR against the root, where cdktf.json sends the CLI, whatever the working directory', () => {
    expect(resolveOutdir(readCdktfJson().output)).toBe(DEFAULT_OUTDIR);
    expect(DEFAULT_OUTDIR).toBe(join(REPO_ROOT, 'cdktf.out'));
    expect(resolveOutdir('/tmp/elsewhere')).toBe('/tmp/elsewhere');
  });

  it('writes the manifest and both stacks where the CLI reads them, and each run replaces the last one', () => {
    // Act: a first run (say `npm run synth` earlier), then the deploy's own run with other overrides
    const first = synthAsCdktfCli(OUTDIR, { WIKIBOT_DEV_FUNCTIONS__MCP__MEMORY_MB: '768' });
    const second = synthAsCdktfCli(OUTDIR, { WIKIBOT_DEV_FUNCTIONS__MCP__MEMORY_MB: '1536' });

    // Assess
    for (const { result } of [first, second]) {
      expect({
        status: result.status,
        stderr: result.status === 0 ? '' : `${result.stdout}\n${result.stderr}`,
      }).toEqual({ status: 0, stderr: '' });
    }
    expect(existsSync(join(STACKS_DIR, OUTDIR))).toBe(false);
    const stacks = second.manifest?.stacks ?? {};
    expect(Object.keys(stacks).sort()).toEqual(['dev', 'prod']);
    for (const stack of Object.values(stacks)) {
      expect(existsSync(join(REPO_ROOT, OUTDIR, stack.synthesizedStackPath))).toBe(true);
      expect(existsSync(join(REPO_ROOT, OUTDIR, stack.workingDirectory))).toBe(true);
    }
    // The deploy's overrides are what the CLI reads, not an earlier run's.
    expect(devMcpMemory(stacks.dev.synthesizedStackPath)).toBe(1536);
  }, 900_000);
});
