/**
 * A write updates the index from its own change set instead of diffing trees; commits of other processes are
 * still found by the tree-diff catch-up. Both must leave the index exactly as a full rebuild from git would.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { GitStore } from '../../src/git-store.js';
import { Wiki } from '../../src/index.js';
import { startWriter } from '../helpers/processes.js';
import { ANN, BOB, fsck, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

/** Everything the index answers, for every page that ever existed. */
async function snapshot(wiki: Wiki): Promise<unknown> {
  const changelog = await wiki.changelog({ limit: 1000 });
  const ever = [...new Set(changelog.flatMap((r) => r.paths))].sort();
  const pages: Record<string, unknown> = {};
  for (const path of ever) {
    const exists = await wiki.exists(path);
    pages[path] = {
      exists,
      history: await wiki.history(path, { limit: 1000 }).catch((err: Error) => err.name),
      links: await wiki.getLinks(path),
      page: exists ? await wiki.readPage(path) : null,
    };
  }
  return {
    head: await wiki.head(),
    list: await wiki.listPages(),
    graph: await wiki.linkGraph(),
    orphans: await wiki.orphans(),
    changelog,
    pages,
  };
}

/** A Wiki opened on the same repository after deleting its caches: the index rebuilt from git alone. */
async function rebuilt(): Promise<Wiki> {
  for (const file of ['index-v1.json', 'search-v1.json']) rmSync(join(dir, '.git', 'wikibot', file), { force: true });
  return Wiki.open({ dir, durable: false });
}

describe('the index after this process’s own writes', () => {
  it('equals a full rebuild from git after creates, edits, appends, renames and deletes in nested directories', async () => {
    // Prepare
    const wiki = await Wiki.open({ dir, durable: false });
    const other = await Wiki.open({ dir, durable: false }); // commits the first learns of by diffing trees
    // Act
    await wiki.writePage(
      'Guide/Getting Started',
      '---\ntags: [a, b]\ncategory: docs\n---\n# Getting Started\n[[Home]]',
      { author: ANN },
    );
    await wiki.writePage('Guide/Deep/Leaf', 'leaf links [[Guide/Getting Started]] and [[Missing]]', { author: ANN });
    await wiki.writePage('Zeta', '# Zeta\n[[Guide/Deep/Leaf]]', { author: BOB });
    await other.writePage('From Other', 'other [[Zeta]]', { author: BOB });
    await wiki.editPage('Zeta', '# Zeta', '# Zeta edited', { author: ANN });
    await wiki.appendPage('Guide/Deep/Leaf', 'appended', { author: BOB });
    await wiki.writePage('Zeta', '# Zeta edited\n[[Guide/Deep/Leaf]]', { author: ANN }); // unchanged: no commit
    await wiki.renamePage('Guide/Deep/Leaf', 'Archive/Leaf', { author: ANN }); // empties Guide/Deep
    await other.deletePage('From Other', { author: BOB });
    await wiki.deletePage('Guide/Getting Started', { author: ANN }); // empties Guide
    await wiki.writePage('Guide', '# Guide\n[[Archive/Leaf]]', { author: ANN });
    // Assess
    const live = await snapshot(wiki);
    expect(live).toEqual(await snapshot(await rebuilt()));
    expect(live).toEqual(await snapshot(other));
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').trim().split('\n')).toEqual([
      'archive/leaf.md',
      'guide.md',
      'home.md',
      'zeta.md',
    ]);
    expect(git(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('11');
    fsck(dir);
  });

  it('diffs no trees for its own commits, and still diffs the commits of another writer', async () => {
    // Prepare
    const wiki = await Wiki.open({ dir, durable: false });
    const other = await Wiki.open({ dir, durable: false });
    const diffTrees = jest.spyOn(GitStore.prototype, 'diffTrees');
    try {
      // Act
      await wiki.writePage('A/One', 'one', { author: ANN });
      await wiki.writePage('Two', 'two [[A/One]]', { author: ANN });
      const ownDiffs = diffTrees.mock.calls.length;
      await other.writePage('Three', 'three', { author: BOB }); // `other` diffs the two commits it missed
      const callsBefore = diffTrees.mock.calls.length;
      const page = await wiki.readPage('Three');
      // Assess
      expect(ownDiffs).toBe(0);
      expect(callsBefore).toBe(2);
      expect(diffTrees.mock.calls.length).toBe(3);
      expect(page.content).toBe('three');
    } finally {
      diffTrees.mockRestore();
    }
  });

  it('reports the pages each own commit changed, as git shows them', async () => {
    // Prepare
    const wiki = await Wiki.open({ dir, durable: false });
    await wiki.writePage('Old', 'x', { author: ANN });
    await wiki.writePage('Linker', 'see [[Old]]', { author: ANN });
    // Act
    const { revision } = await wiki.renamePage('Old', 'New/Name', { author: BOB });
    // Assess
    const [latest] = await wiki.changelog({ limit: 1 });
    expect(latest!.revision).toBe(revision);
    expect([...latest!.paths].sort()).toEqual(['Linker', 'New/Name', 'Old']);
    expect(git(dir, 'show', '--no-renames', '--name-only', '--format=', revision).trim().split('\n')).toEqual([
      'linker.md',
      'new/name.md',
      'old.md',
    ]);
  });
});

describe('a second process', () => {
  it('sees a writer process’s changes, and the writer’s own index equals a rebuild', async () => {
    // Prepare: this process has the wiki open (index loaded) before the other process writes
    const reader = await Wiki.open({ dir, durable: false });
    await reader.writePage('Local', 'written here [[w-1]]', { author: ANN });
    // Act
    const writer = startWriter('write', dir, 'w', '3');
    await writer.exited;
    await reader.writePage('Local', 'written here again [[w-2]]', { author: ANN }); // on top of the other's commits
    // Assess
    const done = writer.lines.filter((l) => l.startsWith('done '));
    expect(done).toHaveLength(3);
    const lastRevision = done[2]!.slice(-40);
    expect((await reader.readPage('w-2')).content).toBe('# w-2\n\nwritten by w\n');
    expect((await reader.history('w-2'))[0]!.revision).toBe(lastRevision);
    expect((await reader.getLinks('w-2')).incoming).toEqual(['Local']);
    expect((await reader.listPages()).map((p) => p.path)).toEqual(['Home', 'Local', 'W-0', 'W-1', 'W-2']);
    expect(await snapshot(reader)).toEqual(await snapshot(await rebuilt()));
    fsck(dir);
  });
});
