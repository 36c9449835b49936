/**
 * @module A fresh process (a cold container, but with the OS file cache warm) opening a wiki and answering one
 * semantic search from its saved vector store: prints one JSON line (argv: <dir> <provider id> <dimensions> <query>).
 * The query's embedding is the free hashed one, so the times are wiki-core's: module load (from process start,
 * includes tsx compiling sources, which a bundle does not do), open, and the first search with the store's load.
 */
import { readFileSync } from 'node:fs';

const [dir, id, dimensions, query] = process.argv.slice(2);
const { Wiki } = await import('@wikibot/wiki-core');
const { HashedWords } = await import('./hashed-words.js');
const loadMs = performance.now();
const wiki = await Wiki.open({ dir: dir!, embeddings: new HashedWords(id, Number(dimensions)) });
const openMs = performance.now() - loadMs;
const before = performance.now();
const found = await wiki.semanticSearch(query!);
const firstSearchMs = performance.now() - before;
const peakRssMb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;
process.stdout.write(`${JSON.stringify({ loadMs, openMs, firstSearchMs, mode: found.mode, peakRssMb })}\n`);
process.exit(0);
