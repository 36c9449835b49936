/**
 * Semantic search over a real repository: results, upkeep after own writes and other processes' commits, the
 * vector store on disk (reused, stale, missing, damaged), and answers that degrade to keyword search.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Wiki, InvalidArgumentError } from '../../src/index.js';
import { startWriter } from '../helpers/processes.js';
import { ANN, makeTempDir, removeDir } from '../helpers/repo.js';
import { WordEmbeddings } from '../helpers/word-embeddings.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

const storeFile = (): string => join(dir, '.git', 'wikibot', 'vectors-v1.bin');
const filler = (word: string, n = 20): string => Array.from({ length: n }, () => word).join(' ');

async function seeded(embeddings: WordEmbeddings): Promise<Wiki> {
  const wiki = await Wiki.open({ dir, embeddings, durable: false });
  await wiki.writePage(
    'Garden',
    `# Garden\n\n## Roses\n\n${filler('roses petals')}\n\n## Tomatoes\n\n${filler('tomatoes vines')}`,
    {
      author: ANN,
    },
  );
  await wiki.writePage('Kitchen', `# Kitchen\n\n${filler('oven baking bread')}`, { author: ANN });
  await wiki.flush();
  return wiki;
}

describe('semanticSearch', () => {
  it('returns the nearest chunks with page, section, text and cosine distance', async () => {
    // Prepare
    const wiki = await seeded(new WordEmbeddings());
    // Act
    const found = await wiki.semanticSearch('tomatoes vines', { n: 3 });
    // Assess
    expect(found.mode).toBe('semantic');
    expect(found.note).toBeUndefined();
    const first = found.results[0]!;
    expect(first).toMatchObject({
      path: 'Garden',
      title: 'Garden',
      section: 'Tomatoes',
      sectionPath: 'Garden > Tomatoes',
    });
    expect(first.text).toContain('tomatoes vines');
    expect(first.distance).toBeLessThan(0.2);
    expect(first.chunkIndex).toBe(1);
    expect(first.totalChunks).toBe(2);
    expect(first.pageWordCount).toBe(83); // 2 × 40 filler words + 3 headings
    const distances = found.results.map((r) => r.distance!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[distances.length - 1]).toBeGreaterThan(0.5);
  });

  it('returns at most n results and at most maxChunksPerPage of one page', async () => {
    const wiki = await seeded(new WordEmbeddings());
    const one = await wiki.semanticSearch('roses tomatoes', { n: 5, maxChunksPerPage: 1 });
    expect(one.results.filter((r) => r.path === 'Garden')).toHaveLength(1);
    const two = await wiki.semanticSearch('roses tomatoes', { n: 5, maxChunksPerPage: 2 });
    expect(two.results.filter((r) => r.path === 'Garden')).toHaveLength(2);
    expect((await wiki.semanticSearch('roses', { n: 1 })).results).toHaveLength(1);
  });

  it('fuses lexical and semantic ranks in hybrid mode', async () => {
    const wiki = await seeded(new WordEmbeddings());
    const found = await wiki.semanticSearch('bread', { mode: 'hybrid', n: 2, maxChunksPerPage: 1 });
    expect(found.mode).toBe('hybrid');
    expect(found.results[0]!.path).toBe('Kitchen');
  });

  it('refuses an empty query', async () => {
    const wiki = await seeded(new WordEmbeddings());
    await expect(wiki.semanticSearch('   ')).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});

describe('vector upkeep', () => {
  it('embeds only the pages a write changed, and forgets deleted pages', async () => {
    // Prepare
    const embeddings = new WordEmbeddings();
    const wiki = await seeded(embeddings);
    embeddings.embedded.length = 0;
    // Act
    await wiki.writePage('Shed', `# Shed\n\n${filler('hammer nails')}`, { author: ANN });
    await wiki.deletePage('Kitchen', { author: ANN });
    const found = await wiki.semanticSearch('hammer nails oven baking', { n: 5 });
    // Assess
    expect(embeddings.embedded).toHaveLength(1);
    expect(embeddings.embedded[0]).toContain('hammer');
    expect(found.results[0]!.path).toBe('Shed');
    expect(found.results.some((r) => r.path === 'Kitchen')).toBe(false);
  });

  it('follows commits made by another process', async () => {
    // Prepare
    const embeddings = new WordEmbeddings();
    const wiki = await seeded(embeddings);
    embeddings.embedded.length = 0;
    // Act: a separate process (no embeddings of its own) writes two pages
    const writer = startWriter('write', dir, 'remote', '2');
    expect(await writer.exited).toBe(0);
    const found = await wiki.semanticSearch('written by remote', { n: 2 });
    // Assess
    expect(found.results.map((r) => r.path).sort()).toEqual(['Remote-0', 'Remote-1']);
    expect(embeddings.embedded).toHaveLength(2);
  });

  it('reuses the saved store in a new process and embeds only what changed since', async () => {
    // Prepare
    await seeded(new WordEmbeddings());
    expect(existsSync(storeFile())).toBe(true);
    const other = await Wiki.open({ dir, durable: false });
    await other.writePage('Kitchen', `# Kitchen\n\n${filler('stove soup')}`, { author: ANN });
    // Act
    const embeddings = new WordEmbeddings();
    const reopened = await Wiki.open({ dir, embeddings, durable: false });
    const found = await reopened.semanticSearch('stove soup', { n: 1 });
    // Assess
    expect(found.results[0]!.path).toBe('Kitchen');
    expect(embeddings.embedded).toHaveLength(1);
  });

  it('rebuilds a damaged store or one made by another model', async () => {
    await seeded(new WordEmbeddings());
    writeFileSync(storeFile(), readFileSync(storeFile()).subarray(0, 100));
    const embeddings = new WordEmbeddings();
    const wiki = await Wiki.open({ dir, embeddings, durable: false });
    expect((await wiki.semanticSearch('roses petals')).results[0]!.path).toBe('Garden');
    expect(embeddings.embedded.length).toBe(4); // Home, both Garden sections, Kitchen

    const another = new (class extends WordEmbeddings {
      override readonly id = 'test/another-model';
    })();
    const third = await Wiki.open({ dir, embeddings: another, durable: false });
    await third.semanticSearch('roses');
    expect(another.embedded.length).toBe(4);
  });

  it('answers lexically while a missing store is being built, then semantically', async () => {
    // Prepare
    await seeded(new WordEmbeddings());
    rmSync(storeFile());
    const embeddings = new WordEmbeddings();
    let release!: () => void;
    embeddings.gate = new Promise((resolve) => (release = resolve));
    const wiki = await Wiki.open({ dir, embeddings, durable: false });
    // Act
    const early = await wiki.semanticSearch('tomatoes');
    release();
    embeddings.gate = null;
    await wiki.flush();
    const later = await wiki.semanticSearch('tomatoes');
    // Assess
    expect(early.mode).toBe('lexical');
    expect(early.note).toMatch(/being built/);
    expect(early.results[0]!.path).toBe('Garden');
    expect(later.mode).toBe('semantic');
    expect(later.results[0]!.section).toBe('Tomatoes');
    expect(existsSync(storeFile())).toBe(true);
  }, 20_000);
});

describe('degradation', () => {
  it('answers with keyword results and a note when the model is unreachable, never an error', async () => {
    const embeddings = new WordEmbeddings();
    const wiki = await seeded(embeddings);
    embeddings.failure = new Error('connect ECONNREFUSED');
    const found = await wiki.semanticSearch('tomatoes');
    expect(found.mode).toBe('lexical');
    expect(found.note).toMatch(/unavailable/);
    expect(found.results[0]).toMatchObject({ path: 'Garden' });
    expect(found.results[0]!.distance).toBeUndefined();
  });

  it('keeps writing while the model is down, and catches up when it is back', async () => {
    const embeddings = new WordEmbeddings();
    const wiki = await seeded(embeddings);
    embeddings.failure = new Error('throttled');
    await wiki.writePage('Shed', `# Shed\n\n${filler('hammer nails')}`, { author: ANN });
    await wiki.flush();
    embeddings.failure = null;
    const found = await wiki.semanticSearch('hammer nails', { n: 1 });
    expect(found.mode).toBe('semantic');
    expect(found.results[0]!.path).toBe('Shed');
  });

  it('answers lexically with a note when no embedding model is configured', async () => {
    const wiki = await Wiki.open({ dir, durable: false });
    await wiki.writePage('Garden', '# Garden\n\ntomatoes', { author: ANN });
    const found = await wiki.semanticSearch('tomatoes');
    expect(found).toMatchObject({ mode: 'lexical', results: [{ path: 'Garden' }] });
    expect(found.note).toMatch(/not configured/);
  });
});
