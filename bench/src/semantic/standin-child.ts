/** @module Runs the Bedrock stand-in until SIGTERM (see standin-process.ts). */
import { startBedrockStandin } from '@wikibot/bedrock-standin';

const standin = await startBedrockStandin({ region: 'us-east-1' });
process.stdout.write(`listening ${standin.url}\n`);
process.once('SIGTERM', () => void standin.close().then(() => process.exit(0)));
