/**
 * Runs the stacks app the way the cdktf CLI (0.21, `SynthStack.synth`) does for `synth`, `diff` and
 * `deploy`: the `app` command of `cdktf.json`, through a shell, from the directory holding `cdktf.json`,
 * with `CDKTF_OUTDIR` set to the configured `output` (relative), then reads `<outdir>/manifest.json`
 * relative to that same directory. No cdktf CLI is installed here; this is its contract, kept in one place.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/index.js';

/** `cdktf.json` at the repository root. */
export interface CdktfJson {
  readonly app: string;
  readonly output: string;
}

export function readCdktfJson(): CdktfJson {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'cdktf.json'), 'utf8')) as CdktfJson;
}

/** What the CLI saw: the app's exit, and the manifest it would read (undefined: "app expected to create …"). */
export interface CliSynth {
  readonly result: SpawnSyncReturns<string>;
  /** `<cwd>/<outdir>/manifest.json`, parsed, when it exists. */
  readonly manifest?: { stacks: Record<string, { synthesizedStackPath: string; workingDirectory: string }> };
}

/**
 * Runs `cdktf.json`'s app with `CDKTF_OUTDIR=outdir` from the root, as the CLI does.
 *
 * @param outdir - relative to the root, as the CLI passes `cdktf.json`'s `output`
 * @param env - extra variables (the operator's `WIKIBOT_*` overrides)
 */
export function synthAsCdktfCli(outdir: string, env: Record<string, string> = {}): CliSynth {
  const { PATH, HOME } = process.env;
  const result = spawnSync(readCdktfJson().app, {
    shell: true,
    cwd: REPO_ROOT,
    env: {
      PATH,
      HOME,
      TURBO_TELEMETRY_DISABLED: '1',
      DO_NOT_TRACK: '1',
      ...env,
      // The three variables the CLI adds to the operator's environment.
      NODE_OPTIONS: '--max-old-space-size=4096',
      CDKTF_OUTDIR: outdir,
      CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true',
    },
    encoding: 'utf8',
    timeout: 420_000,
  });
  const manifestPath = join(REPO_ROOT, outdir, 'manifest.json');
  return { result, manifest: existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : undefined };
}
