/**
 * @module Where the stacks app finds the Lambda artifacts and writes its output, relative to the
 * repository root (this file sits in stacks/src/).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `cdktf.out` at the repository root, where `cdktf.json` points the CLI. */
export const DEFAULT_OUTDIR = join(REPO_ROOT, 'cdktf.out');

/** The Lambda apps the stack deploys. */
export type AppName = 'mcp' | 'wiki';

/** The deterministic zip `npm run build` leaves in `apps/<app>/dist/`. */
export function artifactPath(app: AppName): string {
  return join(REPO_ROOT, 'apps', app, 'dist', 'lambda.zip');
}
