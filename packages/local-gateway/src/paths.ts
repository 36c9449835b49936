/**
 * @module Where the local system finds the synthesized stack and keeps its data, relative to the
 * repository root (this file sits in packages/local-gateway/src/).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The synthesized dev stack `npm run synth` writes. */
export const DEV_STACK_FILE = join(REPO_ROOT, 'cdktf.out', 'stacks', 'dev', 'cdk.tf.json');

/** The wiki's repository unless `WIKI_DATA_DIR` says otherwise. */
export const DEFAULT_WIKI_DATA_DIR = join(REPO_ROOT, '.data', 'wiki');
