/**
 * @module Where the stacks app finds the Lambda artifacts and writes its output, relative to the
 * repository root (this file sits in stacks/src/).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: where `cdktf.json` is, so where the cdktf CLI runs and reads the output. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `cdktf.json`'s `output` (`cdktf.out`): the folder the CLI reads, relative to the root. */
function configuredOutput(): string {
  const { output } = JSON.parse(readFileSync(join(REPO_ROOT, 'cdktf.json'), 'utf8')) as { output?: string };
  return output ?? 'cdktf.out';
}

/** `<repo>/cdktf.out`, where `cdktf.json` points the CLI and `npm run synth` writes. */
export const DEFAULT_OUTDIR = resolve(REPO_ROOT, configuredOutput());

/**
 * The folder the app writes, from `CDKTF_OUTDIR`. The cdktf CLI hands the app a path relative to the
 * directory holding `cdktf.json` (the root) but turbo runs the app from `stacks/`, so a relative path
 * is resolved against the root, never against the working directory: the CLI then reads what was written.
 *
 * @example
 * ```ts
 * resolveOutdir('cdktf.out');  // '<repo>/cdktf.out', wherever the process runs
 * resolveOutdir('/tmp/out');   // '/tmp/out'
 * resolveOutdir(undefined);    // DEFAULT_OUTDIR
 * ```
 */
export function resolveOutdir(cdktfOutdir: string | undefined): string {
  return cdktfOutdir ? resolve(REPO_ROOT, cdktfOutdir) : DEFAULT_OUTDIR;
}

/** The Lambda apps the stack deploys. */
export type AppName = 'mcp' | 'wiki';

/** The deterministic zip `npm run build` leaves in `apps/<app>/dist/`. */
export function artifactPath(app: AppName): string {
  return join(REPO_ROOT, 'apps', app, 'dist', 'lambda.zip');
}
