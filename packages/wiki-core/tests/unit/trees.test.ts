import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { encodeObject } from '../../src/object-codec.js';
import { EncodedTree, serializeTree, type TreeEntry } from '../../src/tree-codec.js';
import { deflatedRuns, encodeTreeObject, inheritRuns } from '../../src/tree-compression.js';
import { git, makeTempDir, removeDir } from '../helpers/repo.js';

const oid = (seed: string): string => createHash('sha1').update(seed).digest('hex');
const blob = (path: string, seed = path): TreeEntry => ({ mode: '100644', path, oid: oid(seed), type: 'blob' });
const tree = (path: string, seed = path): TreeEntry => ({ mode: '040000', path, oid: oid(seed), type: 'tree' });

/** The tree id the git CLI computes for these entries (`git mktree` sorts them itself). */
function gitTreeId(repo: string, entries: readonly TreeEntry[]): string {
  const input = entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.path}\n`).join('');
  return execFileSync('git', ['-c', 'safe.directory=*', 'mktree', '--missing'], {
    cwd: repo,
    input,
    encoding: 'utf8',
  }).trim();
}
const treeId = (body: Buffer): string =>
  createHash('sha1')
    .update(Buffer.concat([Buffer.from(`tree ${body.length}\0`), body]))
    .digest('hex');

let repo: string;
beforeAll(() => {
  repo = makeTempDir();
  git(repo, 'init', '-q');
});
afterAll(() => removeDir(repo));

const base = [blob('a'), blob('a-b'), blob('a.md'), blob('a0'), tree('b'), blob('home.md'), blob('zz.md')];

describe('EncodedTree.patch', () => {
  it.each<[string, [string, TreeEntry | null][]]>([
    ['replaces a file in place', [['a.md', blob('a.md', 'v2')]]],
    [
      'adds a directory that sorts between "a.md" and "a0"',
      [
        ['a', null],
        ['a', tree('a')],
      ],
    ],
    [
      'adds files at the start, middle and end',
      [
        ['A.md', blob('A.md')],
        ['a1.md', blob('a1.md')],
        ['é.md', blob('é.md')],
      ],
    ],
    [
      'removes the first and the last entry',
      [
        ['a', null],
        ['zz.md', null],
      ],
    ],
    [
      'replaces a directory and removes a file next to it',
      [
        ['b', tree('b', 'v2')],
        ['a0', null],
      ],
    ],
    [
      'adds two new neighbours given out of order',
      [
        ['c2.md', blob('c2.md')],
        ['c1.md', blob('c1.md')],
      ],
    ],
    ['removes every entry', base.map((e) => [e.path, null])],
  ])('%s, byte for byte as git encodes the whole tree', (_name, updates) => {
    // Prepare
    const expected = new Map(base.map((e) => [e.path, e]));
    for (const [name, entry] of updates) {
      if (entry) expected.set(name, entry);
      else expected.delete(name);
    }
    // Act
    const patched = EncodedTree.parse(serializeTree(base)).patch(new Map(updates));
    // Assess
    expect(patched.body.equals(serializeTree([...expected.values()]))).toBe(true);
    expect(EncodedTree.parse(patched.body).entries).toEqual(patched.entries);
    if (expected.size > 0) expect(treeId(patched.body)).toBe(gitTreeId(repo, [...expected.values()]));
    for (const e of expected.values()) expect(patched.get(e.path)).toEqual(e);
  });

  it('finds entries by name whether they are files or directories', () => {
    const encoded = EncodedTree.parse(serializeTree(base));
    expect(encoded.get('b')).toEqual(tree('b'));
    expect(encoded.get('a-b')).toEqual(blob('a-b'));
    expect(encoded.get('missing')).toBeUndefined();
  });

  it('re-sorts a tree whose stored entries are out of git order (a foreign tool wrote it)', () => {
    // Prepare: the same bytes as a sorted tree, but with two entries swapped
    const unsorted = Buffer.concat([serializeTree([blob('b.md')]), serializeTree([blob('a.md')])]);
    // Act
    const patched = EncodedTree.parse(unsorted).patch(new Map([['c.md', blob('c.md')]]));
    // Assess
    expect(patched.body.equals(serializeTree([blob('a.md'), blob('b.md'), blob('c.md')]))).toBe(true);
  });
});

describe('encodeTreeObject', () => {
  const many = Array.from({ length: 2000 }, (_, i) => blob(`page ${i}.md`));

  it("writes a zlib stream of the whole object with git's id, reusing the compressed runs a patch left alone", () => {
    // Prepare
    const first = EncodedTree.parse(serializeTree(many));
    const before = new Set(deflatedRuns(first));
    const patched = first.patch(
      new Map([
        ['page 77.md', blob('page 77.md', 'v2')],
        ['new.md', blob('new.md')],
      ]),
    );
    inheritRuns(patched, first);
    // Act
    const object = encodeTreeObject(patched);
    // Assess
    const expected = encodeObject('tree', serializeTree(patched.entries));
    expect(object.oid).toBe(expected.oid);
    expect(inflateSync(object.deflated).equals(inflateSync(expected.deflated))).toBe(true);
    const runs = deflatedRuns(patched);
    const reused = runs.filter((r) => before.has(r)).length;
    expect(runs.length).toBeGreaterThan(10);
    expect(reused).toBeGreaterThanOrEqual(runs.length - 2);
    expect(reused).toBeLessThan(runs.length);
  });

  it.each<[string, [string, TreeEntry | null][]]>([
    [
      'entries appended after the last run',
      [
        ['zzz 1.md', blob('zzz 1.md')],
        ['zzz 2.md', blob('zzz 2.md')],
      ],
    ],
    ['the last entry removed', [['page 999.md', null]]],
    ['the first entry replaced', [['page 0.md', blob('page 0.md', 'v2')]]],
  ])('encodes a tree patched with %s as one valid zlib stream, over three patches in a row', (_case, changes) => {
    // Prepare
    let tree = EncodedTree.parse(serializeTree(many));
    encodeTreeObject(tree);
    for (let round = 0; round < 3; round++) {
      // Act
      const patched = tree.patch(new Map(changes.map(([n, e]) => [n, e && { ...e, oid: blob(n, `r${round}`).oid }])));
      inheritRuns(patched, tree);
      const object = encodeTreeObject(patched);
      // Assess
      const expected = encodeObject('tree', serializeTree(patched.entries));
      expect(object.oid).toBe(expected.oid);
      expect(inflateSync(object.deflated).equals(inflateSync(expected.deflated))).toBe(true);
      tree = patched;
    }
  });

  it('is read back by the git CLI', () => {
    // Prepare
    const entries = [blob('a.md'), tree('sub'), blob('z.md')];
    const object = encodeTreeObject(EncodedTree.parse(serializeTree(entries)));
    const path = join(repo, '.git', 'objects', object.oid.slice(0, 2));
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, object.oid.slice(2)), object.deflated);
    // Act
    const listed = git(repo, 'cat-file', '-p', object.oid);
    // Assess
    expect(listed).toBe(entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.path}\n`).join(''));
  });
});

describe('EncodedTree.relate', () => {
  const many = Array.from({ length: 2000 }, (_, i) => blob(`page ${i}.md`));
  it.each<[string, [string, TreeEntry | null][]]>([
    ['one entry replaced in the middle', [['page 1000.md', blob('page 1000.md', 'v2')]]],
    [
      'an entry added at the start and one removed at the end',
      [
        ['!first.md', blob('!first.md')],
        ['page 999.md', null],
      ],
    ],
    [
      'a directory added and two files removed far apart',
      [
        ['page 5', tree('page 5')],
        ['page 1.md', null],
        ['page 998.md', null],
      ],
    ],
    ['nothing changed', []],
    ['every entry removed', many.map((e) => [e.path, null])],
  ])('%s: parses the other tree exactly and reports only the differing entries', (_name, updates) => {
    // Prepare
    const before = EncodedTree.parse(serializeTree(many));
    const after = before.patch(new Map(updates));
    // Act
    const related = before.relate(after.body);
    // Assess
    const parsed = EncodedTree.parse(after.body);
    expect(related.tree.entries).toEqual(parsed.entries);
    for (const e of parsed.entries.slice(0, 50)) expect(related.tree.get(e.path)).toEqual(e);
    const changedBefore = before.entries.slice(related.from, related.toThis);
    const changedAfter = related.tree.entries.slice(related.from, related.toOther);
    // One change (a commit's usual case): only that entry is compared; changes far apart span what lies between.
    if (updates.length <= 1) expect(changedBefore.length + changedAfter.length).toBeLessThanOrEqual(2);
    const unchanged = (e: TreeEntry) => !updates.some(([name]) => name === e.path);
    expect(before.entries.filter(unchanged).length - changedBefore.filter(unchanged).length).toBe(
      parsed.entries.filter(unchanged).length - changedAfter.filter(unchanged).length,
    );
    // The related tree patches like a parsed one.
    const next = new Map([['zz.md', blob('zz.md')]]);
    expect(related.tree.patch(next).body.equals(parsed.patch(next).body)).toBe(true);
  });
});
