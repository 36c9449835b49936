/**
 * A commit's details (message, author, changed files, bounded diffs) checked against `git show`, and one level of
 * the page tree at a time.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  MAX_COMMIT_DIFFS,
  MAX_COMMIT_FILES,
  MAX_DIFF_CHARS,
  RevisionNotFoundError,
  Wiki,
  type CommitDetails,
} from '../../src/index.js';
import { ANN, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
let wiki: Wiki;
beforeEach(async () => {
  dir = makeTempDir();
  wiki = await Wiki.open({ dir, durable: false });
});
afterEach(() => removeDir(dir));

const changes = (details: CommitDetails) => details.files.map((f) => [f.file, f.change, f.page ?? null]);

describe('Wiki.commit', () => {
  it('shows a rename commit as git does: the old file deleted, the new one added, each with its diff', async () => {
    await wiki.writePage('Old Name', '# Old Name\n\nbody\n', { author: ANN });
    const renamed = await wiki.renamePage('Old Name', 'New Name', { author: ANN, message: 'move it' });
    const details = await wiki.commit(renamed.revision.slice(0, 10));
    expect(details.revision).toBe(renamed.revision);
    expect(details.parent).toBe(git(dir, 'rev-parse', `${renamed.revision}^`).trim());
    expect(details.message).toBe('move it');
    expect(details.author).toEqual({ name: ANN.name, email: ANN.email });
    expect(changes(details)).toEqual([
      ['new name.md', 'added', 'New Name'],
      ['old name.md', 'deleted', 'Old Name'],
    ]);
    expect(
      git(dir, 'show', '--format=', '--no-renames', '--name-status', renamed.revision).trim().split('\n').sort(),
    ).toEqual(['A\tnew name.md', 'D\told name.md']);
    expect(details.files[0]!.diff).toContain('+body');
    expect(details.files[1]!.diff).toContain('-body');
    expect(details.filesOmitted).toBe(0);
  });

  it('lists attachments without a diff and the first commit against nothing', async () => {
    await wiki.writePage('P', 'text\n', { author: ANN });
    const attached = await wiki.writeAttachment('P', 'a.png', new Uint8Array([137, 80, 78, 71]), { author: ANN });
    expect(changes(await wiki.commit(attached.revision))).toEqual([['p/a.png', 'added', null]]);
    expect((await wiki.commit(attached.revision)).files[0]!.diff).toBeNull();
    const root = git(dir, 'rev-list', '--max-parents=0', 'HEAD').trim();
    const first = await wiki.commit(root);
    expect(first.parent).toBeNull();
    expect(first.files.every((f) => f.change === 'added')).toBe(true);
  });

  it('bounds a huge commit: at most MAX_COMMIT_FILES listed, diffs within one shared budget', async () => {
    const pages = new Map<string, string>();
    for (let i = 0; i < MAX_COMMIT_FILES + 20; i++) pages.set(`Page ${i}`, `${'line\n'.repeat(400)}${i}\n`);
    const big = makeTempDir();
    try {
      const imported = await Wiki.open({ dir: big, durable: false, initialContent: { pages, message: 'import' } });
      const details = await imported.commit(git(big, 'rev-parse', 'HEAD').trim());
      expect(details.files).toHaveLength(MAX_COMMIT_FILES);
      expect(details.filesOmitted).toBeGreaterThanOrEqual(20);
      const shown = details.files.filter((f) => f.diff !== null);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThanOrEqual(MAX_COMMIT_DIFFS);
      expect(shown.reduce((n, f) => n + f.diff!.length, 0)).toBeLessThanOrEqual(MAX_DIFF_CHARS);
    } finally {
      removeDir(big);
    }
  });

  it.each(['', 'zzzz', 'HEAD', '../x', 'deadbeef'.repeat(5)])('refuses revision %j', async (revision) => {
    await wiki.writePage('P', 'text\n', { author: ANN });
    await expect(wiki.commit(revision)).rejects.toThrow(RevisionNotFoundError);
  });

  it('refuses the id of a blob', async () => {
    await wiki.writePage('P', 'text\n', { author: ANN });
    const blob = git(dir, 'rev-parse', 'HEAD:p.md').trim();
    await expect(wiki.commit(blob)).rejects.toThrow(RevisionNotFoundError);
  });
});

describe('Wiki.pageTree', () => {
  it('lists one level, folders once, a page that is also a folder as one entry', async () => {
    for (const path of ['A', 'A B', 'A/Child', 'A/Deep/Leaf', 'Zed', 'Only Folder/X', 'Only Folder/Y'])
      await wiki.writePage(path, `# ${path}\n`, { author: ANN });
    const top = await wiki.pageTree();
    expect(top.map((e) => [e.path, e.page, e.folder])).toEqual([
      ['A', true, true],
      ['A B', true, false],
      ['Home', true, false],
      ['Only Folder', false, true],
      ['Zed', true, false],
    ]);
    expect((await wiki.pageTree('a')).map((e) => [e.name, e.path, e.page, e.folder])).toEqual([
      ['Child', 'A/Child', true, false],
      ['Deep', 'A/Deep', false, true],
    ]);
    expect((await wiki.pageTree('A/Deep')).map((e) => e.path)).toEqual(['A/Deep/Leaf']);
    expect(await wiki.pageTree('Nothing Here')).toEqual([]);
  });

  it('follows every change of the pages: a level asked for again after a write, a delete or a rename is current', async () => {
    await wiki.writePage('Folder/One', 'x', { author: ANN });
    const names = async (folder: string) => (await wiki.pageTree(folder)).map((e) => e.path);
    expect(await names('Folder')).toEqual(['Folder/One']);
    await wiki.writePage('Folder/Two', '# TWO\n', { author: ANN });
    expect(await names('Folder')).toEqual(['Folder/One', 'Folder/TWO']);
    await wiki.deletePage('Folder/One', { author: ANN });
    await wiki.renamePage('Folder/TWO', 'Elsewhere/Two', { author: ANN });
    expect(await names('Folder')).toEqual([]);
    expect(await names('')).toEqual(['Elsewhere', 'Home']);
    // What a caller does to the returned list does not change the next answer.
    (await wiki.pageTree('')).length = 0;
    expect(await names('')).toEqual(['Elsewhere', 'Home']);
  });
});
