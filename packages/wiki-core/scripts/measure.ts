/**
 * A quick latency measurement at scale (not a test, not the official benchmark):
 *   node --import tsx scripts/measure.ts [pages=10000] [dir]
 * Seeds a repository with one commit per page through `git fast-import` (the git CLI, only here), then measures
 * index rebuild, cold open from the cache, and p50/p95 of read, write, search, list and history.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wiki } from '../src/index.js';

const pages = Number(process.argv[2] ?? 10_000);
const dir = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'wiki-measure-'));
let seed = 42;
/** mulberry32: a small, well-mixed PRNG so runs are repeatable. */
const random = (n: number): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
};
// A pseudo-English vocabulary drawn with a Zipf-like (log-uniform) distribution, like real text.
const syllables = [
  'ka',
  'lo',
  'mi',
  'ner',
  'sta',
  'tri',
  'vo',
  'zen',
  'por',
  'qua',
  'rel',
  'shi',
  'tan',
  'ex',
  'un',
  'bra',
  'cor',
  'dis',
  'fel',
  'gor',
];
const words = [
  ...new Set(
    Array.from({ length: 30_000 }, () =>
      Array.from({ length: 1 + random(4) }, () => syllables[random(syllables.length)]).join(''),
    ),
  ),
].slice(0, 20_000);
const word = (): string => words[Math.floor(words.length ** (random(1_000_000) / 1_000_000)) - 1]!;
// FLAT=1: 8,000 of 10,000 pages at the root, as a flat Otterwiki has them (the bench fixture's shape).
const flat = process.env.FLAT === '1';
const pathOf = (i: number): string => (flat && i % 5 !== 0 ? `Page ${i}` : `Section ${i % 100}/Page ${i}`);

function seedRepository(): void {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const chunks: string[] = [];
  for (let i = 0; i < pages; i++) {
    const text = Array.from({ length: 220 }, word).join(' ');
    const content = `---\ncategory: cat${i % 10}\ntags: [t${i % 7}, t${i % 13}]\n---\n# Page ${i}\n\n${text}\n\nSee [[${pathOf(random(pages))}]] and [[${pathOf(random(pages))}]].\n`;
    const message = `Create ${pathOf(i)}\n`;
    const ts = 1_700_000_000 + i;
    chunks.push(
      `commit refs/heads/main\nauthor Seeder <seed@example.com> ${ts} +0000\ncommitter Seeder <seed@example.com> ${ts} +0000\n` +
        `data ${Buffer.byteLength(message)}\n${message}\nM 100644 inline ${pathOf(i).toLowerCase()}.md\n` +
        `data ${Buffer.byteLength(content)}\n${content}\n`,
    );
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join(''), maxBuffer: 1 << 30 });
  if (process.env.REPACK) execFileSync('git', ['repack', '-q', '-d'], { cwd: dir }); // isomorphic-git reads packs; writes stay loose
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

async function sample(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await time(() => fn(i)))[0]);
  times.sort((a, b) => a - b);
  const p = (q: number): string => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(`${label.padEnd(28)} p50 ${p(0.5).padStart(8)} ms   p95 ${p(0.95).padStart(8)} ms   (n=${n})`);
}

const [seedMs] = await time(async () => seedRepository());
console.log(`seeded ${pages} pages / ${pages} commits in ${(seedMs / 1000).toFixed(1)} s at ${dir}`);
const [rebuildMs, wiki] = await time(() => Wiki.open({ dir }));
console.log(`open without cache (full index rebuild): ${rebuildMs.toFixed(0)} ms`);
await wiki.flush();
const [coldMs, cold] = await time(() => Wiki.open({ dir }));
console.log(`cold open from cache: ${coldMs.toFixed(0)} ms`);
const [firstSearchMs] = await time(() => cold.search('w1 w2'));
console.log(`first search (builds + saves the search index): ${firstSearchMs.toFixed(0)} ms`);
const [coldSearchMs] = await time(async () => (await Wiki.open({ dir })).search('w3'));
console.log(`cold open + first search from the saved search index: ${coldSearchMs.toFixed(0)} ms`);

await sample('read', 500, (i) => cold.readPage(pathOf(random(pages) + 0 * i)));
await sample('search (2 words)', 50, () => cold.search(`${word()} ${word()}`));
await sample('search (1 word)', 50, () => cold.search(word()));
await sample('search (prefix of a word)', 50, () => cold.search(words[random(words.length)]!.slice(0, 4)));
await sample('list (all)', 20, () => cold.listPages());
await sample('list (prefix)', 50, (i) => cold.listPages({ prefix: `Section ${i % 100}/` }));
await sample('list (tag + category)', 50, (i) => cold.listPages({ tag: `t${i % 7}`, category: `cat${i % 10}` }));
await sample('history(10)', 200, () => cold.history(pathOf(random(pages)), { limit: 10 }));
await sample('changelog(50)', 100, () => cold.changelog({ limit: 50 }));
await sample('getLinks', 200, () => cold.getLinks(pathOf(random(pages))));
await sample('edit (durable)', 100, (i) => {
  const k = (i * 7919 + 13) % pages; // distinct pages, each still holding its seeded heading
  return cold.editPage(pathOf(k), `# Page ${k}\n`, `# Page ${k} (edited)\n`, {
    author: { name: 'M', email: 'm@example.com' },
  });
});
await sample('write (durable)', 100, (i) =>
  cold.writePage(pathOf(random(pages)), `# Edit ${i}\n\nnew text ${i}\n`, {
    author: { name: 'M', email: 'm@example.com' },
  }),
);
await sample('write (new page)', 50, (i) =>
  cold.writePage(`New/Page ${i}`, `# New ${i}\n`, { author: { name: 'M', email: 'm@example.com' } }),
);
await sample('read after writes', 200, () => cold.readPage(pathOf(random(pages))));
const other = await Wiki.open({ dir });
await sample('read in 2nd process after 1 write', 20, async (i) => {
  await cold.writePage(`Cross/${i}`, `x ${i}`, { author: { name: 'M', email: 'm@example.com' } });
  await other.readPage(`Cross/${i}`);
});
if (process.argv[3] === undefined) rmSync(dir, { recursive: true, force: true });
