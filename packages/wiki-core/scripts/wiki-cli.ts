/**
 * `npm run wiki -- <command> <dir>` (from the workspace root): offline maintenance of a wiki's data dir.
 *   index <dir>   build wikibot's caches for the repository at <dir> (page index with the whole history, search
 *                 index), save them under .git/wikibot/, and bring .git/index and the work tree in step with HEAD.
 * Caches only speed things up: a wiki opens without them. Build them ahead of time for a very large history, e.g.
 * after moving an Otterwiki repository over (docs/migrate.md). Safe while the wiki is live: it takes the locks.
 */
import { isAbsolute, resolve } from 'node:path';
import { Wiki } from '../src/index.js';

const [command, dirArg] = process.argv.slice(2);
if (command !== 'index' || !dirArg) {
  process.stderr.write('usage: npm run wiki -- index <dir>\n');
  process.exit(2);
}
// The root script runs this from packages/wiki-core; a relative <dir> means the caller's directory.
const dir = isAbsolute(dirArg) ? dirArg : resolve(process.env.WIKI_CLI_CWD ?? process.cwd(), dirArg);
const started = performance.now();
const seconds = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const wiki = await Wiki.open({ dir });
process.stdout.write(
  `page index: ${(await wiki.listPages()).length} pages at ${(await wiki.head()).slice(0, 7)} (${seconds()})\n`,
);
await wiki.search('wikibot');
await wiki.flush();
process.stdout.write(`search index saved (${seconds()})\n`);
const { checkedOut, modified } = await wiki.resetWorkTree();
process.stdout.write(
  `.git/index matches HEAD; ${checkedOut} file(s) checked out, ${modified} changed file(s) left as they are\n`,
);
process.stdout.write(`done in ${seconds()}\n`);
