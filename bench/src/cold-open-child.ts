/**
 * @module A fresh process opening a wiki it has never seen (no `.git/wikibot` cache) and serving one page, then
 * one search: prints one JSON line of times (argv: <dir> <page path> <search word> <writes> <page to write>...).
 * Times count from when wiki-core is loaded (`loadMs`, from process start, includes tsx compiling the sources,
 * which a bundle does not do). Then, once the history and the search index are complete (so that background work
 * does not share the thread), the latency of `<writes>` page writes in this flat repository, `.git/index` and the
 * work tree included.
 */
const [dir, page, word, writes, ...targets] = process.argv.slice(2);
const { Wiki } = await import('@wikibot/wiki-core');
const loadMs = performance.now();
const since = (): number => performance.now() - loadMs;
// CPU time (user + system) as well: on a shared machine the wall-clock figures include waiting for a core.
const cpuMs = (from?: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
const wiki = await Wiki.open({ dir: dir! });
const openMs = since();
await wiki.readPage(page!);
const firstPageMs = since();
const firstPageCpuMs = cpuMs(); // from process start
const before = performance.now();
const cpuBefore = process.cpuUsage();
const hits = await wiki.search(word!, { limit: 10 });
const firstSearchMs = performance.now() - before;
const firstSearchCpuMs = cpuMs(cpuBefore);
await wiki.historyComplete();
await wiki.flush();
const writeMs: number[] = [];
const writeCpuMs: number[] = [];
const author = { name: 'Bench Writer', email: 'bench@example.com' };
for (let i = 0; i < Number(writes); i++) {
  const path = targets[i % targets.length]!;
  const start = performance.now();
  const cpu = process.cpuUsage();
  await wiki.writePage(path, `# ${path}\n\nRevised by the bench, round ${i}.\n`, { author, message: 'bench write' });
  writeMs.push(performance.now() - start);
  writeCpuMs.push(cpuMs(cpu));
}
const cpu = { firstPageCpuMs, firstSearchCpuMs, writeCpuMs };
const figures = { loadMs, openMs, firstPageMs, firstSearchMs, hits: hits.length, writeMs, ...cpu };
process.stdout.write(`${JSON.stringify(figures)}\n`);
process.exit(0);
export {};
