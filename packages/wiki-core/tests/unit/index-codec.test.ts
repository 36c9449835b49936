/**
 * The index writer is pinned to git's: for the same files, `serializeIndex` must produce the bytes
 * `git update-index --add` writes, and parsing reads back what git lists (`git ls-files --stage`), in versions 2–4.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeEntry, entryOid, parseIndex, serializeIndex } from '../../src/index-codec.js';
import { git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
  git(dir, 'init', '-q', '-b', 'main');
});
afterEach(() => removeDir(dir));

/** Files whose names exercise git's byte order, padding lengths and non-ASCII paths. */
const FILES: Record<string, string> = {
  'home.md': '# Home\n',
  'a-b.md': 'dash sorts before slash\n',
  'a/b.md': 'nested\n',
  'a0.md': 'digit after slash\n',
  'ab.md': 'x',
  'abcdefg.md': 'name length 10: padding edge\n',
  'café/crème brûlée.md': 'accents\n',
  '日本/ページ.md': 'CJK\n',
  'emoji 🦦.md': 'astral plane: UTF-8 order differs from UTF-16 order here\n',
  '\uFF21.md': 'fullwidth A, BMP above the surrogates\n',
};

function writeFiles(): string[] {
  for (const [file, content] of Object.entries(FILES)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return Object.keys(FILES);
}

function ourEntries(files: readonly string[]) {
  return files
    .map((file) =>
      encodeEntry(file, git(dir, 'hash-object', '-w', '--', file).trim(), lstatSync(join(dir, file), { bigint: true })),
    )
    .sort((a, b) => Buffer.compare(a.path, b.path));
}

describe('serializeIndex', () => {
  it('writes byte for byte the index git update-index --add writes for the same files', () => {
    // Prepare
    const files = writeFiles();
    git(dir, '-c', 'core.quotepath=off', 'update-index', '--add', '--', ...files);
    const gits = readFileSync(join(dir, '.git', 'index'));
    // Act
    const ours = serializeIndex(ourEntries(files));
    // Assess
    expect(ours.toString('hex')).toBe(gits.toString('hex'));
  });

  it('is read by git as clean: ls-files lists every file and status reports nothing', () => {
    // Prepare
    const files = writeFiles();
    // Act
    writeFileSync(join(dir, '.git', 'index'), serializeIndex(ourEntries(files)));
    // Assess
    const listed = git(dir, '-c', 'core.quotepath=off', 'ls-files', '--stage').trim().split('\n');
    expect(listed.map((line) => line.split('\t')[1]).sort()).toEqual([...files].sort());
    git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'all');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

describe('parseIndex', () => {
  it.each([2, 3, 4])('reads the index git writes in version %i, with its cache-tree root after a commit', (version) => {
    // Prepare
    const files = writeFiles();
    git(dir, 'update-index', '--add', `--index-version=${version}`, '--', ...files);
    if (version === 3) git(dir, 'update-index', '--skip-worktree', 'home.md'); // an extended flag
    git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'all');
    // Act
    const parsed = parseIndex(readFileSync(join(dir, '.git', 'index')));
    // Assess
    const listed = git(dir, '-c', 'core.quotepath=off', 'ls-files', '--stage').trim().split('\n');
    expect(parsed.entries.map((e) => `100644 ${entryOid(e)} 0\t${e.path.toString('utf8')}`)).toEqual(listed);
    expect(parsed.complete).toBe(true);
    expect(parsed.treeOid).toBe(git(dir, 'rev-parse', 'HEAD^{tree}').trim());
  });

  it('reports no tree for an index changed after the commit, and refuses a corrupt one', () => {
    // Prepare
    const files = writeFiles();
    git(dir, 'update-index', '--add', '--', ...files);
    git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'all');
    writeFileSync(join(dir, 'home.md'), 'changed\n');
    git(dir, 'update-index', 'home.md');
    const index = readFileSync(join(dir, '.git', 'index'));
    // Act + Assess
    expect(parseIndex(index).treeOid).toBeNull();
    index[20] = index[20]! ^ 0xff;
    expect(() => parseIndex(index)).toThrow(/checksum/);
  });
});
