/**
 * Blame is git's: for real repositories written through the wiki, every line's commit and original line number
 * equal what `git blame --porcelain` reports for the page's file, now and at an old revision, across a rename
 * and a delete-and-recreate; and a page beyond the limits is refused instead of computed.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BlameTooLargeError, MAX_BLAME_LINES, PageNotFoundError, Wiki, type Blame } from '../../src/index.js';
import { ANN, BOB, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
let wiki: Wiki;
beforeEach(async () => {
  dir = makeTempDir();
  wiki = await Wiki.open({ dir, durable: false });
});
afterEach(() => removeDir(dir));

/** `git blame --porcelain` as [commit, original line, text] per line of the file. */
function gitBlame(file: string, revision = 'HEAD'): [string, number, string][] {
  const rows: [string, number, string][] = [];
  let header: [string, number] | undefined;
  for (const line of git(dir, 'blame', '--porcelain', revision, '--', file).split('\n')) {
    const head = /^([0-9a-f]{40}) (\d+) \d+/.exec(line);
    if (head) header = [head[1]!, Number(head[2])];
    else if (line.startsWith('\t')) rows.push([...header!, line.slice(1)]);
  }
  return rows;
}

const ours = (blame: Blame): [string, number, string][] => blame.lines.map((l) => [l.revision, l.originalLine, l.text]);

/** A deterministic pseudo-random sequence (tests must not depend on luck). */
function prng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31), s / 2 ** 31);
}

describe('Wiki.blame', () => {
  it('names, for each line, the commit and line git blame names, after edits by two authors', async () => {
    // Prepare
    await wiki.writePage('Notes', '# Notes\n\nalpha\nbeta\ngamma\n', { author: ANN });
    await wiki.writePage('Notes', '# Notes\n\nalpha\nBETA changed\ngamma\ndelta\n', { author: BOB });
    await wiki.writePage('Notes', '# Notes\n\nintro line\n\nalpha\nBETA changed\ndelta\n', { author: ANN });
    await wiki.writePage('Notes', '# Notes\n\nintro line\n\nalpha\nBETA changed\ndelta\nlast without newline', {
      author: BOB,
    });
    await wiki.writePage('Notes', '# Notes\n\nintro line\n\nalpha\nBETA changed\ndelta\nlast without newline\nend\n', {
      author: ANN,
    });
    // Act
    const blame = await wiki.blame('Notes');
    // Assess
    expect(ours(blame)).toEqual(gitBlame('notes.md'));
    expect(new Set(blame.lines.map((l) => l.revision)).size).toBeGreaterThan(2);
    const head = blame.lines[0]!.revision;
    expect(blame.commits[head]).toMatchObject({ author: ANN });
  });

  it('agrees with git blame over 40 seeded random edits (insert, change, delete), now and earlier', async () => {
    // Prepare
    const random = prng(7);
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i} of the first version`);
    const revisions: string[] = [];
    for (let round = 0; round < 40; round++) {
      for (let edit = 0; edit < 3; edit++) {
        const at = Math.floor(random() * lines.length);
        const kind = random();
        if (kind < 0.4) lines.splice(at, 0, `inserted r${round} e${edit}`);
        else if (kind < 0.75) lines[at] = `changed r${round} e${edit}`;
        else if (lines.length > 5) lines.splice(at, 1);
      }
      const author = round % 2 ? BOB : ANN;
      revisions.push((await wiki.writePage('Rand/Page', `${lines.join('\n')}\n`, { author })).revision);
    }
    // Act + Assess
    expect(ours(await wiki.blame('Rand/Page'))).toEqual(gitBlame('rand/page.md'));
    for (const at of [revisions[5]!, revisions[20]!]) {
      expect(ours(await wiki.blame('Rand/Page', { revision: at }))).toEqual(gitBlame('rand/page.md', at));
    }
  });

  it('agrees with git blame on each line that occurs once, where others repeat (blank lines), 30 edits', async () => {
    // Prepare
    const random = prng(11);
    const repeated = ['', '', '- [ ] todo', '---'];
    const lines = Array.from({ length: 20 }, (_, i) => (i % 3 ? `para ${i}` : repeated[i % 4]!));
    for (let round = 0; round < 30; round++) {
      const at = Math.floor(random() * lines.length);
      const kind = random();
      const fresh = random() < 0.5 ? repeated[Math.floor(random() * repeated.length)]! : `new r${round}`;
      if (kind < 0.5) lines.splice(at, 0, fresh);
      else if (kind < 0.8) lines[at] = fresh;
      else if (lines.length > 5) lines.splice(at, 1);
      await wiki.writePage('Repeats', `${lines.join('\n')}\n`, { author: round % 2 ? BOB : ANN });
    }
    // Act
    const blame = ours(await wiki.blame('Repeats'));
    const theirs = gitBlame('repeats.md');
    // Assess: a line that occurs once is git's; a repeated one may be matched to another copy (an equally short
    // diff git's xdiff slides elsewhere), but always to a commit whose version has that text at that line
    const unique = (row: [string, number, string]) => !repeated.includes(row[2]);
    expect(blame.filter(unique)).toEqual(theirs.filter(unique));
    for (const [revision, line, text] of blame) {
      expect(git(dir, 'show', `${revision}:repeats.md`).split('\n')[line - 1]).toBe(text);
    }
    expect(blame.map((row) => row[2])).toEqual(theirs.map((row) => row[2]));
  });

  it('follows a rename to the lines of the old page, as git blame does', async () => {
    // Prepare
    await wiki.writePage('Old Name', 'one\ntwo\nthree\n', { author: ANN });
    await wiki.writePage('Old Name', 'one\ntwo changed\nthree\n', { author: BOB });
    await wiki.renamePage('Old Name', 'New Name', { author: ANN });
    await wiki.writePage('New Name', 'one\ntwo changed\nthree\nfour\n', { author: BOB });
    // Act
    const blame = await wiki.blame('New Name');
    // Assess
    expect(ours(blame)).toEqual(gitBlame('new name.md'));
    expect(blame.lines[0]!.revision).not.toBe(blame.lines[3]!.revision);
  });

  it('gives a page deleted and created again only its new commit, as git blame does', async () => {
    await wiki.writePage('Again', 'first life\nsame line\n', { author: ANN });
    await wiki.deletePage('Again', { author: ANN });
    const recreated = await wiki.writePage('Again', 'second life\nsame line\n', { author: BOB });
    const blame = await wiki.blame('Again');
    expect(ours(blame)).toEqual(gitBlame('again.md'));
    expect(blame.lines.every((l) => l.revision === recreated.revision)).toBe(true);
  });

  it('refuses a page with more lines than MAX_BLAME_LINES, and a page that does not exist', async () => {
    const long = Array.from({ length: MAX_BLAME_LINES + 1 }, (_, i) => `row ${i}`).join('\n');
    await wiki.writePage('Long', long, { author: ANN });
    await expect(wiki.blame('Long')).rejects.toThrow(BlameTooLargeError);
    await expect(wiki.blame('Nowhere')).rejects.toThrow(PageNotFoundError);
  });

  it('refuses a revision before the page existed', async () => {
    const first = await wiki.writePage('Early', 'x\n', { author: ANN });
    await wiki.writePage('Later', 'y\n', { author: ANN });
    await expect(wiki.blame('Later', { revision: first.revision })).rejects.toThrow(PageNotFoundError);
  });
});
