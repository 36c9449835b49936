/**
 * Registers module hooks that append every loaded module's URL to the file named by LOAD_LOG, so a test
 * can tell which packages a code path really loads. Use: node --import tsx --import @wikibot/tooling/load-recorder
 */
import { register } from 'node:module';
import process from 'node:process';

register('./load-recorder-hooks.mjs', import.meta.url, { data: { log: process.env.LOAD_LOG } });
