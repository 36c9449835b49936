/**
 * @module A fresh process opening a wiki it has never seen (no `.git/wikibot` cache) and serving one page, then
 * one search: prints one JSON line of times (argv: <dir> <page path> <search word>). Times count from when
 * wiki-core is loaded (`loadMs`, from process start, includes tsx compiling the sources, which a bundle does not do).
 */
const [dir, page, word] = process.argv.slice(2);
const { Wiki } = await import('@wikibot/wiki-core');
const loadMs = performance.now();
const since = (): number => performance.now() - loadMs;
const wiki = await Wiki.open({ dir: dir! });
const openMs = since();
await wiki.readPage(page!);
const firstPageMs = since();
const before = performance.now();
const hits = await wiki.search(word!, { limit: 10 });
const firstSearchMs = performance.now() - before;
process.stdout.write(`${JSON.stringify({ loadMs, openMs, firstPageMs, firstSearchMs, hits: hits.length })}\n`);
process.exit(0);
export {};
