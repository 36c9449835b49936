/**
 * @module The CDKTF app: one stack per environment (`dev`, `prod`), written to `<repo>/cdktf.out`.
 * Settings come from src/config.ts plus the operator's overrides (`WIKIBOT_CONFIG`, `WIKIBOT_<ENV>_*`).
 */
import { App } from 'cdktf';
import { loadStackConfig, selectedEnvironments } from './config.js';
import { DEFAULT_OUTDIR } from './paths.js';
import { WikibotStack } from './wikibot-stack.js';

const app = new App({ outdir: process.env.CDKTF_OUTDIR || DEFAULT_OUTDIR });
for (const environment of selectedEnvironments(process.env)) {
  new WikibotStack(app, { config: loadStackConfig(environment, process.env) });
}
app.synth();
