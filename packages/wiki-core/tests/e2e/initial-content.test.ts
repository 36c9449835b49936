import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Wiki, InvalidPathError, WikiError } from '../../src/index.js';
import { fsck, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

describe('Wiki.open with initialContent', () => {
  it('makes the given pages, in the Otterwiki layout, the first and only commit, with the given message', async () => {
    // Prepare
    const pages = new Map([
      ['Notes/My Page', '# My Page\n\nSee [[Home]].\n'],
      ['Home', '# Home\n'],
    ]);

    // Act
    const wiki = await Wiki.open({
      dir,
      durable: false,
      initialContent: { pages, message: 'Import 2 pages from "vault"' },
    });

    // Assess
    expect(git(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
    expect(git(dir, 'log', '-1', '--format=%s').trim()).toBe('Import 2 pages from "vault"');
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').trim().split('\n')).toEqual([
      'home.md',
      'notes/my page.md',
    ]);
    expect(readFileSync(join(dir, 'notes', 'my page.md'), 'utf8')).toContain('See [[Home]]');
    expect((await wiki.readPage('notes/my page')).content).toContain('# My Page');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    fsck(dir);
  });

  it("keeps a file already in the work tree under a page's layout name instead of overwriting it", async () => {
    // Prepare
    writeFileSync(join(dir, 'home.md'), "the user's own copy\n");

    // Act
    await Wiki.open({
      dir,
      durable: false,
      initialContent: { pages: new Map([['Home', '# Home\n']]), message: 'Import' },
    });

    // Assess
    expect(readFileSync(join(dir, 'home.md'), 'utf8')).toBe("the user's own copy\n");
    expect(git(dir, 'show', 'HEAD:home.md')).toBe('# Home\n');
  });

  it('refuses pages that map to one file or have an invalid name, leaving no repository behind', async () => {
    // Act
    const clash = Wiki.open({
      dir,
      durable: false,
      initialContent: {
        pages: new Map([
          ['Foo', 'a'],
          ['foo', 'b'],
        ]),
        message: 'x',
      },
    });
    const invalid = Wiki.open({
      dir,
      durable: false,
      initialContent: { pages: new Map([['a\nb', 'a']]), message: 'x' },
    });

    // Assess
    await expect(clash).rejects.toBeInstanceOf(WikiError);
    await expect(invalid).rejects.toBeInstanceOf(InvalidPathError);
    expect(() => git(dir, 'rev-parse', 'HEAD')).toThrow();
  });

  it('is ignored when the directory already is a repository', async () => {
    // Prepare
    await Wiki.open({ dir, durable: false });

    // Act
    await Wiki.open({ dir, durable: false, initialContent: { pages: new Map([['Other', 'x']]), message: 'Import' } });

    // Assess
    expect(git(dir, 'log', '--format=%s').trim()).toBe('Create Home');
  });
});
