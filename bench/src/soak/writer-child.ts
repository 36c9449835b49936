/**
 * @module A writer process for the kill test: writes pages through wiki-core in a loop and prints
 * `ok <id>` after each write that returned (was reported done), `busy` when the lock wait ran out.
 * Runs until killed. argv: <repo dir> <writer name>; the lock settings are wiki-core's defaults. The survivor pauses
 * briefly between writes, which keeps the history (and so each `git fsck`) small; victims write flat out, so a kill
 * mostly lands mid-write.
 */
import { Wiki, WikiBusyError } from '@wikibot/wiki-core';

const [dir, name] = process.argv.slice(2);
const wiki = await Wiki.open({ dir: dir! });
const author = { name: `Writer ${name}`, email: `${name}@example.com` };
const PAUSE_MS = name === 'survivor' ? 20 : 0;
for (let n = 0; ; n++) {
  const id = `soak-${name}-${process.pid}-${n}`;
  try {
    await wiki.writePage(`Soak/Kill ${name} ${n % 5}`, `# Kill test\n\nWritten by ${id}.\n`, { author, message: id });
    process.stdout.write(`ok ${id}\n`);
  } catch (error) {
    if (!(error instanceof WikiBusyError)) throw error;
    process.stdout.write('busy\n');
  }
  if (PAUSE_MS) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
}
