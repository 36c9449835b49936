/**
 * @module Runs one local system (gateway + stand-in AuthKit) in its own process, so its memory can be
 * measured apart from the load generator and two of them can share a data directory like two Lambda
 * containers share EFS. Writes `READY {json}` on fd 3 once serving; stops on SIGTERM or when stdin closes.
 */
import { writeSync } from 'node:fs';
import { startLocalSystem } from '@wikibot/local-gateway';

const options = JSON.parse(process.argv[2] ?? '{}');
const system = await startLocalSystem(options);
// fd 3 is the parent's pipe for this line; stdout (the functions' log lines) goes to a file.
writeSync(3, `READY ${JSON.stringify({ url: system.url, mcpUrl: system.mcpUrl, issuer: system.issuer })}\n`);

let closing = false;
async function stop(): Promise<void> {
  if (closing) return;
  closing = true;
  await system.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
