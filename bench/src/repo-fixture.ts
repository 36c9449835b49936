/**
 * @module Wiki repositories of a chosen size, made fast: the whole history is streamed into the real
 * `git` CLI with `git fast-import`, then checked out, so a 10,000-page or 10,000-commit wiki takes
 * seconds to set up and the bench times the wiki, not the setup. Content is deterministic (seeded).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** A generated page. */
export interface FixturePage {
  /** Page path as the wiki names it, e.g. `Project 03/Note 00042`. */
  readonly path: string;
  /** File in the repository, Otterwiki layout: lower-cased path + `.md`. */
  readonly file: string;
  /** A token that occurs exactly once in the page's content (edit benchmarks replace it). */
  readonly token: string;
}

/** What a fixture holds. */
export interface Fixture {
  readonly dir: string;
  readonly pages: readonly FixturePage[];
  readonly commits: number;
  /** Words the content is made of, most frequent first (search queries are drawn from them). */
  readonly vocabulary: readonly string[];
}

/** A small seeded PRNG (mulberry32), so every run builds the same wiki. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tas',
  'vo',
  'quin',
  'dor',
  'el',
  'fu',
  'gra',
  'hin',
  'jo',
  'nex',
  'pol',
  'sur',
  'tri',
  'wex',
  'yan',
  'zed',
];
const CATEGORIES = ['Guide', 'Reference', 'Meeting', 'Project', 'Journal'];

function makeVocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** Picks a word with a Zipf-like skew: a few words are common, most are rare. */
function zipfWord(vocabulary: readonly string[], random: () => number): string {
  return vocabulary[Math.floor(vocabulary.length * random() ** 3)];
}

/** Layout of a fixture: nested puts every fifth page in a `Project NN/` directory; flat keeps all at the root. */
export type FixtureLayout = 'nested' | 'flat';

function pagePath(i: number, layout: FixtureLayout): string {
  const name = `Note ${String(i).padStart(5, '0')}`;
  return i % 5 === 0 && layout === 'nested' ? `Project ${String(i % 37).padStart(2, '0')}/${name}` : name;
}

function pageContent(
  i: number,
  pageCount: number,
  vocabulary: readonly string[],
  random: () => number,
  layout: FixtureLayout,
  revision = 0,
): string {
  const path = pagePath(i, layout);
  const title = path.split('/').pop()!;
  const paragraphs: string[] = [];
  for (let p = 0; p < 3; p++) {
    const words: string[] = [];
    for (let w = 0; w < 50; w++) words.push(zipfWord(vocabulary, random));
    paragraphs.push(words.join(' ') + '.');
  }
  const links = [1, 2, 3].map(() => `[[${pagePath(Math.floor(random() * pageCount), layout)}]]`).join(', ');
  return [
    '---',
    `category: ${CATEGORIES[i % CATEGORIES.length]}`,
    `tags: [${zipfWord(vocabulary, random)}, t${i % 13}]`,
    '---',
    `# ${title}`,
    '',
    paragraphs[0],
    '',
    `See also ${links}.`,
    '',
    paragraphs[1],
    '',
    `Reference ref-${String(i).padStart(5, '0')}-r${revision}.`,
    '',
    paragraphs[2],
    '',
  ].join('\n');
}

// glibc returns freed memory to the OS after every commit fast-import writes, then asks for it again:
// with 10,000 commits that is >100,000 brk calls and most of the run. A large pad and trim threshold avoid it.
const MALLOC_ENV = { MALLOC_TOP_PAD_: String(256 << 20), MALLOC_TRIM_THRESHOLD_: String(1 << 30) };

function quote(path: string): string {
  return `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Builds a repository at `dir`: `pageCount` pages created in commits of `batch` pages, then
 * `extraCommits` commits that each revise one random page. Returns its pages and vocabulary.
 */
export function buildFixture(
  dir: string,
  pageCount: number,
  extraCommits = 0,
  batch = 100,
  layout: FixtureLayout = 'nested',
): Fixture {
  const random = seededRandom(pageCount * 7919 + extraCommits);
  const vocabulary = makeVocabulary(2000, random);
  const pages: FixturePage[] = [];
  const chunks: string[] = [];
  let time = Date.UTC(2024, 0, 1) / 1000;
  let commits = 0;
  const commit = (message: string, files: [string, string][]): void => {
    time += 60;
    commits++;
    const who = `Bench Writer <writer${commits % 7}@example.com> ${time} +0000`;
    const parts = [
      `commit refs/heads/main`,
      `author ${who}`,
      `committer ${who}`,
      `data ${Buffer.byteLength(message)}`,
      message,
    ];
    for (const [file, content] of files)
      parts.push(`M 100644 inline ${quote(file)}`, `data ${Buffer.byteLength(content)}`, content);
    chunks.push(parts.join('\n') + '\n');
  };
  for (let start = 0; start < pageCount; start += batch) {
    const files: [string, string][] = [];
    for (let i = start; i < Math.min(pageCount, start + batch); i++) {
      const path = pagePath(i, layout);
      const file = `${path.toLowerCase()}.md`;
      pages.push({ path, file, token: `ref-${String(i).padStart(5, '0')}-r0` });
      files.push([file, pageContent(i, pageCount, vocabulary, random, layout)]);
    }
    commits === 0 && files.push(['home.md', '# Home\n\nThe bench wiki.\n']);
    commit(`Add pages ${start}–${start + files.length - 1}`, files);
  }
  const revisions = new Map<number, number>();
  for (let c = 0; c < extraCommits; c++) {
    const i = Math.floor(random() * pageCount);
    const revision = (revisions.get(i) ?? 0) + 1;
    revisions.set(i, revision);
    commit(`Revise ${pages[i].path}`, [
      [pages[i].file, pageContent(i, pageCount, vocabulary, random, layout, revision)],
    ]);
  }
  for (const [i, revision] of revisions)
    pages[i] = { ...pages[i], token: `ref-${String(i).padStart(5, '0')}-r${revision}` };

  mkdirSync(dir, { recursive: true });
  const git = (args: string[], input?: string): void => {
    execFileSync('git', args, {
      cwd: dir,
      input,
      stdio: ['pipe', 'ignore', 'pipe'],
      maxBuffer: 1 << 30,
      env: { ...process.env, ...MALLOC_ENV },
    });
  };
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.name', 'Bench Writer']);
  git(['config', 'user.email', 'bench@example.com']);
  git(['fast-import', '--quiet'], chunks.join(''));
  git(['checkout', '-q', '-f', 'main']);
  return { dir, pages, commits, vocabulary };
}
