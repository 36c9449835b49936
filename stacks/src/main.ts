/**
 * @module The CDKTF app: one stack per environment (`dev`, `prod`), written to `<repo>/cdktf.out`, or to
 * `CDKTF_OUTDIR` (a relative one is relative to the repository root, as the cdktf CLI means it).
 * Settings come from src/config.ts plus the operator's overrides (`WIKIBOT_CONFIG`, `WIKIBOT_<ENV>_*`).
 */
import { mkdirSync } from 'node:fs';
import { App } from 'cdktf';
import { loadStackConfig, selectedEnvironments } from './config.js';
import { resolveOutdir } from './paths.js';
import { WikibotStack } from './wikibot-stack.js';

const outdir = resolveOutdir(process.env.CDKTF_OUTDIR);
// cdktf creates the outdir but not its parents.
mkdirSync(outdir, { recursive: true });
const app = new App({ outdir });
for (const environment of selectedEnvironments(process.env)) {
  new WikibotStack(app, { config: loadStackConfig(environment, process.env) });
}
app.synth();
