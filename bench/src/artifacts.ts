/**
 * @module The Lambda artifacts the bench measures: where they are, how big, and where their unpacked
 * zips are (what Lambda itself runs; unpacked by the local gateway's own artifact cache).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveHandler, unpackArtifact } from '@wikibot/local-gateway';

/** The workspace root (bench/src/../..). */
export const WORKSPACE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Lambda apps, by short name. */
export const LAMBDA_APPS = { mcp: 'apps/mcp', wiki: 'apps/wiki' } as const;
export type LambdaName = keyof typeof LAMBDA_APPS;

/** What `dist/artifact.json` says of a build (written by packages/tooling/bin/bundle-lambda.mjs). */
export interface ArtifactFacts {
  readonly name: LambdaName;
  readonly zipPath: string;
  readonly zipBytes: number;
  readonly bundleBytes: number;
  /** Module file and export, e.g. `index.handler`. */
  readonly handler: string;
}

/** Reads an app's artifact facts; throws naming the build command when it has not been built. */
export function readArtifact(name: LambdaName): ArtifactFacts {
  const dist = join(WORKSPACE_ROOT, LAMBDA_APPS[name], 'dist');
  let raw: { zip: string; zipBytes: number; bundleBytes: number; handler: string };
  try {
    raw = JSON.parse(readFileSync(join(dist, 'artifact.json'), 'utf8'));
  } catch (cause) {
    throw new Error(`${LAMBDA_APPS[name]} is not built: run \`npm run build\` first`, { cause });
  }
  return {
    name,
    zipPath: join(dist, raw.zip),
    zipBytes: raw.zipBytes,
    bundleBytes: raw.bundleBytes,
    handler: raw.handler,
  };
}

/** Unpacks an artifact's zip and returns the path of the handler module inside it. */
export async function unpackedHandlerModule(artifact: ArtifactFacts): Promise<string> {
  const taskRoot = await unpackArtifact(artifact.zipPath);
  return resolveHandler(taskRoot, artifact.handler).entry;
}
