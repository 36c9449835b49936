/**
 * One vector build at a time across processes sharing a repository (cold Lambdas on one EFS): the build lease
 * beside the store, its takeover when the builder died, and the other processes adopting the builder's store.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { Wiki, type EmbeddingPurpose } from '../../src/index.js';
import { BUILD_LEASE_STALE_MS } from '../../src/semantic-index.js';
import { startWriter } from '../helpers/processes.js';
import { ANN, makeTempDir, removeDir } from '../helpers/repo.js';
import { WordEmbeddings } from '../helpers/word-embeddings.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

const leaseFile = (): string => join(dir, '.git', 'wikibot', 'vectors-build.lock');
const filler = (word: string, n = 20): string => Array.from({ length: n }, () => word).join(' ');

/** A repository with pages (4 chunks with Home) and no vector store: written by a wiki without a model. */
async function withoutVectors(): Promise<void> {
  const wiki = await Wiki.open({ dir, durable: false });
  const garden = `# Garden\n\n## Roses\n\n${filler('roses petals')}\n\n## Tomatoes\n\n${filler('tomatoes vines')}`;
  await wiki.writePage('Garden', garden, { author: ANN });
  await wiki.writePage('Kitchen', `# Kitchen\n\n${filler('oven baking bread')}`, { author: ANN });
  await wiki.flush();
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the vector build lease', () => {
  it('lets one of two wikis opened on a repository without vectors build them; the other adopts its store', async () => {
    // Prepare: the first wiki's build is held up inside the model, holding the lease
    await withoutVectors();
    let asked = false;
    const first = new (class extends WordEmbeddings {
      override embed(texts: readonly string[], purpose: EmbeddingPurpose): Promise<Float32Array[]> {
        asked = true;
        return super.embed(texts, purpose);
      }
    })();
    let release!: () => void;
    first.gate = new Promise((resolve) => (release = resolve));
    const builder = await Wiki.open({ dir, embeddings: first, durable: false });
    await until(() => asked);
    const second = new WordEmbeddings();
    // Act
    const other = await Wiki.open({ dir, embeddings: second, durable: false });
    const early = await other.semanticSearch('tomatoes');
    release();
    first.gate = null;
    await builder.flush();
    const later = await other.semanticSearch('tomatoes');
    await other.flush();
    // Assess: every chunk embedded once in all, by the builder; the other answered lexically, then from its store
    expect(early.mode).toBe('lexical');
    expect(early.results[0]!.path).toBe('Garden');
    expect(early.note).toMatch(/being built/);
    expect(later.mode).toBe('semantic');
    expect(later.results[0]).toMatchObject({ path: 'Garden', section: 'Tomatoes' });
    expect(later.note).toBeUndefined();
    expect(second.embedded).toEqual([]);
    expect(first.embedded).toHaveLength(4); // Home, both Garden sections, Kitchen
    expect(new Set(first.embedded).size).toBe(4);
    expect(existsSync(leaseFile())).toBe(false);
  }, 20_000);

  it('is taken over once stale when its builder was killed, and not before', async () => {
    // Prepare: a builder process takes the lease, is stuck in the model, and is killed
    await withoutVectors();
    const process = startWriter('build', dir);
    await process.waitFor('embedding');
    process.child.kill('SIGKILL');
    await process.exited;
    expect(existsSync(leaseFile())).toBe(true);
    const embeddings = new WordEmbeddings();
    const wiki = await Wiki.open({ dir, embeddings, durable: false });
    // Act
    const whileFresh = await wiki.semanticSearch('tomatoes');
    const past = new Date(Date.now() - BUILD_LEASE_STALE_MS - 1_000);
    utimesSync(leaseFile(), past, past); // as the lease looks once the dead builder's heartbeat is 31 s old
    const afterStale = await wiki.semanticSearch('tomatoes');
    await wiki.flush();
    // Assess
    expect(whileFresh.mode).toBe('lexical');
    expect(afterStale.mode).toBe('semantic');
    expect(afterStale.results[0]).toMatchObject({ path: 'Garden', section: 'Tomatoes' });
    expect(embeddings.embedded).toHaveLength(4);
    expect(existsSync(leaseFile())).toBe(false);
  }, 30_000);
});
