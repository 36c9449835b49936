import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { EditConflictError, InvalidPathError, Wiki } from '../../src/index.js';
import { ANN, fsck, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
let wiki: Wiki;

beforeEach(async () => {
  dir = makeTempDir();
  wiki = await Wiki.open({ dir, durable: false });
});
afterEach(() => removeDir(dir));

describe('a name ending in ".md.md"', () => {
  it('never overwrites the page without the suffix', async () => {
    // Prepare
    await wiki.writePage('X', 'original', { author: ANN });
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    // Act
    const write = wiki.writePage('X.md.md', 'intruder', { author: ANN });
    // Assess
    await expect(write).rejects.toThrow(InvalidPathError);
    expect(git(dir, 'show', 'HEAD:x.md')).toBe('original');
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
  });

  it('is no way round the existence check of a rename', async () => {
    // Prepare
    await wiki.writePage('X', 'x', { author: ANN });
    await wiki.writePage('Y', 'y', { author: ANN });
    // Act
    const rename = wiki.renamePage('Y', 'X.md.md', { author: ANN });
    // Assess
    await expect(rename).rejects.toThrow(InvalidPathError);
    expect(git(dir, 'show', 'HEAD:x.md')).toBe('x');
    expect(git(dir, 'show', 'HEAD:y.md')).toBe('y');
  });

  it('is no way round the conflict check of a stale revision', async () => {
    // Prepare
    const v1 = await wiki.writePage('X', 'one', { author: ANN });
    await wiki.writePage('X', 'two', { author: ANN });
    // Act
    const stale = wiki.writePage('X.md.md.md', 'three', { author: ANN, baseRevision: v1.revision });
    // Assess
    await expect(stale).rejects.toThrow(InvalidPathError);
    await expect(wiki.writePage('X.md', 'three', { author: ANN, baseRevision: v1.revision })).rejects.toThrow(
      EditConflictError,
    );
    expect(git(dir, 'show', 'HEAD:x.md')).toBe('two');
  });

  it('"X.md" is page X itself, reported as X', async () => {
    // Act
    const result = await wiki.writePage('X.md', 'one', { author: ANN });
    // Assess
    expect(result.path).toBe('X');
    expect(git(dir, 'log', '-1', '--format=%s').trim()).toBe('Create X');
    expect(git(dir, 'show', 'HEAD:x.md')).toBe('one');
  });
});

describe('Unicode spellings', () => {
  it('finds one page under its NFC and NFD spellings', async () => {
    // Prepare
    await wiki.writePage('Cafe\u0301', 'decomposed', { author: ANN });
    // Act
    const update = await wiki.writePage('Caf\u00e9', 'composed', { author: ANN });
    // Assess
    expect(update.created).toBe(false);
    expect((await wiki.readPage('Cafe\u0301')).content).toBe('composed');
    expect(git(dir, '-c', 'core.quotepath=false', 'ls-tree', '--name-only', 'HEAD').split('\n')).toContain('caf\u00e9.md');
    expect((await wiki.listPages()).filter((p) => p.path.normalize('NFC').toLowerCase() === 'caf\u00e9')).toHaveLength(1);
    fsck(dir);
  });
});
