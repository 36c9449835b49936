/**
 * No commit message can change how a page is shown: names come from file names (Otterwiki's rule). wikibot writes
 * no `Wiki-Page` trailers and hides those earlier versions wrote. A forged line must rename nothing, in this
 * process or in one that replays the commits from git.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Wiki } from '../../src/index.js';
import { ANN, BOB, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

/** A Wiki opened after deleting the caches: it replays every commit from git. */
async function replayed(): Promise<Wiki> {
  for (const file of ['index-v1.json', 'search-v1.json']) rmSync(join(dir, '.git', 'wikibot', file), { force: true });
  return Wiki.open({ dir, durable: false });
}

describe('Wiki-Page trailers in commit messages', () => {
  it.each([
    ['a trailer line inside the text', 'Tidy up\nWiki-Page: TARGET PAGE\nmore words'],
    ['a trailer paragraph at the end of the text', 'Tidy up\n\nWiki-Page: TARGET PAGE'],
  ])('ignores %s written by the caller', async (_name, message) => {
    // Prepare
    const wiki = await Wiki.open({ dir, durable: false });
    await wiki.writePage('Target Page', 'the target', { author: ANN });
    // Act
    await wiki.writePage('Other', 'another page', { author: BOB, message });
    // Assess: this process, and one replaying the commits from git, still show the name it was created with
    expect((await wiki.readPage('target page')).path).toBe('Target Page');
    const fresh = await replayed();
    expect((await fresh.readPage('target page')).path).toBe('Target Page');
    expect((await fresh.history('Other'))[0]!.paths).toEqual(['Other']);
    expect(git(dir, 'log', '-1', '--format=%B')).toContain('TARGET PAGE'); // the caller's text is kept
  });

  it('ignores a trailer naming a page the commit did not change (a commit made with the git CLI)', async () => {
    // Prepare
    const wiki = await Wiki.open({ dir, durable: false });
    await wiki.writePage('Target Page', 'the target', { author: ANN });
    // Act
    const ident = ['-c', 'user.name=Cli', '-c', 'user.email=cli@example.com'];
    const oid = git(
      dir,
      ...ident,
      'commit-tree',
      'HEAD^{tree}',
      '-p',
      'HEAD',
      '-m',
      'cli',
      '-m',
      'Wiki-Page: TARGET PAGE',
    );
    git(dir, 'update-ref', 'HEAD', oid.trim());
    await wiki.writePage('Other', 'after the CLI commit', { author: ANN });
    // Assess
    expect((await (await replayed()).readPage('target page')).path).toBe('Target Page');
  });

  it('shows the caller’s message as written', async () => {
    const wiki = await Wiki.open({ dir, durable: false });
    await wiki.writePage('Other', 'x', { author: BOB, message: 'Say\nWiki-Page: Quoted' });
    const [revision] = await wiki.history('Other');
    expect(revision!.message).toBe('Say\nWiki-Page: Quoted');
  });

  it('are not written: a message is its subject, then only the caller’s trailers', async () => {
    // Act
    const wiki = await Wiki.open({ dir, durable: false });
    await wiki.writePage('Target Page', 'x', { author: ANN });
    await wiki.writePage('Other', 'y', { author: ANN, message: 'Say', trailers: { 'MCP-Client': 'e2e' } });
    await wiki.writeAttachment('Other', 'a.txt', Buffer.from('a'), { author: ANN });
    await wiki.renamePage('Other', 'Moved', { author: ANN });
    await wiki.deletePage('Moved', { author: ANN });
    // Assess
    expect(git(dir, 'log', '--format=%(trailers:key=Wiki-Page)').trim()).toBe('');
    expect(git(dir, 'log', '-1', '--skip=4', '--format=%B').trim()).toBe('Create Target Page');
    expect(git(dir, 'log', '-1', '--skip=3', '--format=%B').trim()).toBe('Say\n\nMCP-Client: e2e');
  });

  it('written by earlier versions are hidden from the message shown', async () => {
    // Prepare: a commit as wikibot wrote them before, made with the git CLI
    const wiki = await Wiki.open({ dir, durable: false });
    git(dir, 'checkout', '-q', '-f', 'main');
    writeFileSync(join(dir, 'old page.md'), 'old\n');
    git(dir, 'add', '.');
    git(
      dir,
      '-c',
      'user.name=Cli',
      '-c',
      'user.email=cli@example.com',
      'commit',
      '-qm',
      'Create Old Page',
      '-m',
      'Wiki-Page: Old Page',
    );
    // Act
    const [revision] = await wiki.history('Old Page');
    // Assess
    expect(revision!.message).toBe('Create Old Page');
  });
});
