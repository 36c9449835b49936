/**
 * A repository with history and no wikibot cache (an Otterwiki repository moved over, or deleted caches) opens
 * from its head's tree alone: opening reads one commit, not the history; pages and search answer at once; the
 * history is completed in the background, and answers that need it (history, changelog, lists) wait for it and are
 * then exactly what a cache would have given.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitStore } from '../../src/git-store.js';
import { SCAN_ABOVE_PAGES } from '../../src/search-index.js';
import { Wiki } from '../../src/index.js';
import { git, makeTempDir, removeDir } from '../helpers/repo.js';
import { WordEmbeddings } from '../helpers/word-embeddings.js';

const COMMITS = 40;
let dir: string;
beforeEach(() => {
  // Built by the git CLI: no .git/wikibot at all.
  dir = makeTempDir();
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'notes'));
  for (let i = 0; i < COMMITS; i++) {
    const file = i % 2 === 0 ? `page ${i % 8}.md` : `notes/note ${i % 6}.md`;
    writeFileSync(join(dir, file), `# Title ${i % 8}\n\nrevision ${i} mentions quokka${i}\n`);
    git(dir, 'add', '-A');
    const date = `2024-01-01T00:${String(i).padStart(2, '0')}:00Z`;
    execFileSync(
      'git',
      ['-c', 'user.name=Otter', '-c', 'user.email=o@example.com', 'commit', '-q', '-m', `commit ${i}`],
      {
        cwd: dir,
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      },
    );
  }
});
afterEach(() => {
  jest.restoreAllMocks();
  removeDir(dir);
});

describe('opening a repository without a cache', () => {
  it('reads a few commits to open, not the history; serves pages and search, and replays the history in the background', async () => {
    // Prepare
    const readCommit = jest.spyOn(GitStore.prototype, 'readCommit');
    // Act
    const wiki = await Wiki.open({ dir, durable: false });
    const readsAtOpen = readCommit.mock.calls.length;
    const page = await wiki.readPage('Page 6');
    const hits = await wiki.search('quokka38');
    await wiki.historyComplete();
    // Assess
    expect(readsAtOpen).toBeLessThanOrEqual(9); // up to 8 to see the history is not short, then the head's
    expect(page.content).toBe('# Title 6\n\nrevision 38 mentions quokka38\n');
    expect(hits.map((h) => h.path)).toEqual(['Page 6']);
    expect(readCommit.mock.calls.length).toBeGreaterThanOrEqual(COMMITS);
  });

  it('gives, once the history is complete, exactly the answers of a wiki opened from its cache', async () => {
    // Prepare: one wiki opened cold, one opened from the cache the first one saved
    const cold = await Wiki.open({ dir, durable: false });
    const history = await cold.history('Notes/Note 1', { limit: 100 }); // waits for the history
    await cold.flush();
    const cached = await Wiki.open({ dir, durable: false });
    // Act + Assess
    expect(history.map((r) => r.message)).toEqual(
      git(dir, 'log', '--format=%s', '--', 'notes/note 1.md').trim().split('\n'),
    );
    expect(await cold.listPages()).toEqual(await cached.listPages());
    expect(await cold.changelog({ limit: 100 })).toEqual(await cached.changelog({ limit: 100 }));
    expect((await cold.changelog({ limit: 100 })).length).toBe(COMMITS);
    expect(await cold.readPage('Page 2')).toEqual(await cached.readPage('Page 2'));
    expect((await cold.readPage('Page 2')).updated).toBe('2024-01-01T00:34:00.000Z');
  });

  it('starts building the semantic vectors right after opening, while the history still replays', async () => {
    // Prepare: once the wiki is open, every further commit read (the history replay) waits for a gate
    const embeddings = new WordEmbeddings();
    const wiki = await Wiki.open({ dir, embeddings, durable: false });
    const readCommit = GitStore.prototype.readCommit;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(GitStore.prototype, 'readCommit').mockImplementation(async function (this: GitStore, oid: string) {
      await gate;
      return readCommit.call(this, oid);
    });
    // Act: no search and no write; wait (up to 5 s) for the pages to be embedded
    const deadline = Date.now() + 5000;
    while (embeddings.embedded.length < 7 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const embeddedBeforeHistory = embeddings.embedded.length;
    release();
    await wiki.historyComplete();
    await wiki.flush();
    const found = await wiki.semanticSearch('quokka38', { n: 1 });
    // Assess: all 7 pages (4 at the root, 3 notes) embedded before the history replay could finish
    expect(embeddedBeforeHistory).toBe(7);
    expect(found).toMatchObject({ mode: 'semantic', results: [{ path: 'Page 6' }] });
    expect(found.note).toBeUndefined();
  });

  it('describes only the pages asked for, and searches a large wiki by scanning until its index is built', async () => {
    // Prepare: more pages than SCAN_ABOVE_PAGES, one commit, no cache
    for (let i = 0; i <= SCAN_ABOVE_PAGES; i++)
      writeFileSync(join(dir, `bulk ${i}.md`), `# Bulk ${i}\n\nfiller text number${i % 7} here\n`);
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=Otter', '-c', 'user.email=o@example.com', 'commit', '-q', '-m', 'bulk');
    const describe = jest.spyOn(GitStore.prototype, 'readTextSync');
    const wiki = await Wiki.open({ dir, durable: false });
    // Act
    await wiki.readPage('Page 6');
    const readForOnePage = describe.mock.calls.length;
    const queries = ['quokka38', 'revision', 'title 3', 'mentions quokka2', 'quok', 'number3 bulk', 'kuokka38'];
    const scanned = [];
    for (const q of queries) scanned.push((await wiki.search(q, { limit: 1000 })).map((h) => h.path).sort());
    await wiki.flush(); // waits for the index build
    const indexed = [];
    for (const q of queries) indexed.push((await wiki.search(q, { limit: 1000 })).map((h) => h.path).sort());
    // Assess
    expect(readForOnePage).toBeLessThanOrEqual(2); // its description and its content, of 508 pages
    expect(scanned[0]).toEqual(['Page 6']);
    expect(scanned[1]!.length).toBe(7); // every page of the 40 commits
    expect(scanned[5]!.length).toBe(72); // bulk pages with number3 (all words)
    expect(scanned[6]).toContain('Page 6'); // a typo: nothing scanned, so the (fuzzy) index answered
    expect(scanned).toEqual(indexed);
  });
});
