/**
 * A data dir that git, GitPython and An Otter Wiki can share: after every wikibot write HEAD, `.git/index` and the
 * work tree agree (`git status` is clean), commits made by the git CLI between or during wikibot's writes are
 * picked up, and git's `index.lock` is honoured both ways.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Wiki, WikiBusyError } from '../../src/index.js';
import { startWriter } from '../helpers/processes.js';
import { ANN, BOB, fsck, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

const OTTER = ['-c', 'user.name=Otter', '-c', 'user.email=otter@example.com'];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** HEAD, the index and the work tree agree: nothing staged, nothing modified, nothing untracked. */
function expectInStep(): void {
  expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  const staged = git(dir, 'ls-files', '--stage').trim().split('\n');
  const tree = git(dir, 'ls-tree', '-r', 'HEAD').trim().split('\n');
  expect(staged.map((l) => l.replace(/^(\d+) (\w+) 0\t/, '$1 $2\t'))).toEqual(
    tree.map((l) => l.replace(' blob ', ' ')),
  );
}

/** `git commit -am` as a person would run it, retried while someone else holds git's locks. */
async function gitCommitAll(message: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const run = spawnSync('git', ['-c', 'safe.directory=*', ...OTTER, 'commit', '-q', '-am', message], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (run.status === 0) return;
    // Busy (someone holds index.lock or the ref lock) or raced (HEAD moved after git read it): a person retries.
    if (!/\.lock|cannot lock ref/.test(run.stderr) || attempt > 200)
      throw new Error(`git commit failed: ${run.stderr}`);
    await sleep(20);
  }
}

describe('after every kind of wikibot write', () => {
  it('HEAD, .git/index and the work tree agree (git status is clean)', async () => {
    // Prepare: attachments committed by the git CLI, so rename and delete move them
    const wiki = await Wiki.open({ dir, durable: false });
    expectInStep();
    mkdirSync(join(dir, 'guide', 'setup'), { recursive: true });
    writeFileSync(join(dir, 'guide', 'setup.md'), '# Setup\n');
    writeFileSync(join(dir, 'guide', 'setup', 'diagram.png'), 'png bytes');
    git(dir, 'add', '-A');
    git(dir, ...OTTER, 'commit', '-q', '-m', 'attachment');
    // Act + Assess
    await wiki.writePage('Guide/Intro', '# Intro\n[[Guide/Setup]]', { author: ANN });
    expectInStep();
    await wiki.editPage('Guide/Intro', '# Intro', '# Introduction', { author: BOB });
    expectInStep();
    await wiki.appendPage('Deep/Er/Page', 'appended', { author: ANN });
    expectInStep();
    await wiki.writeAttachment('Guide/Setup', 'notes.txt', Buffer.from('attached by wikibot'), { author: ANN });
    expectInStep();
    await wiki.renamePage('Guide/Setup', 'Setup Guide', { author: ANN });
    expectInStep();
    expect(readFileSync(join(dir, 'setup guide', 'diagram.png'), 'utf8')).toBe('png bytes');
    await wiki.deleteAttachment('Setup Guide', 'notes.txt', { author: BOB });
    expectInStep();
    await wiki.deletePage('Setup Guide', { author: BOB });
    expectInStep();
    expect(existsSync(join(dir, 'setup guide', 'diagram.png'))).toBe(false);
    await wiki.writePage('Guide/Intro', '# Introduction\n[[Guide/Setup]]', { author: BOB }); // unchanged: no commit
    expectInStep();
    fsck(dir);
  });
});

describe('the git CLI on the same data dir', () => {
  it('commits between wikibot writes are picked up and lose nothing', async () => {
    // Prepare
    const wiki = await Wiki.open({ dir, durable: false });
    await wiki.writePage('Alpha', '# Alpha\n', { author: ANN });
    await wiki.writePage('Beta', '# Beta\n', { author: ANN });
    // Act: a person edits one file and commits everything tracked, then wikibot writes, then again
    appendFileSync(join(dir, 'alpha.md'), 'edited with vi\n');
    await gitCommitAll('edit alpha');
    const picked = await wiki.readPage('Alpha');
    await wiki.writePage('Gamma', '# Gamma\n', { author: BOB });
    appendFileSync(join(dir, 'beta.md'), 'edited again\n');
    await gitCommitAll('edit beta');
    // Assess
    expect(picked.content).toBe('# Alpha\nedited with vi\n');
    expect(picked.author.name).toBe('Otter');
    expect(git(dir, 'ls-tree', '--name-only', 'HEAD').trim().split('\n').sort()).toEqual([
      'alpha.md',
      'beta.md',
      'gamma.md',
      'home.md',
    ]);
    expect((await wiki.readPage('Beta')).content).toBe('# Beta\nedited again\n');
    expectInStep();
    fsck(dir);
  });

  it('two wikibot processes and interleaved git commit -am runs keep every page and every edit', async () => {
    // Prepare
    await Wiki.open({ dir, durable: false });
    // Act
    const writers = ['x', 'y'].map((prefix) => startWriter('write', dir, prefix, '12', '3000'));
    let commits = 0;
    const running = (): boolean => writers.some((w) => w.child.exitCode === null);
    while (running() || commits < 3) {
      appendFileSync(join(dir, 'home.md'), `line ${commits}\n`);
      await gitCommitAll(`person ${commits}`);
      commits++;
      await sleep(30);
    }
    await Promise.all(writers.map((w) => w.exited));
    // Assess
    fsck(dir);
    const wiki = await Wiki.open({ dir, durable: false });
    for (const writer of writers) {
      const done = writer.lines.filter((l) => l.startsWith('done ')).map((l) => l.split(' ')[1]!);
      expect(writer.lines.filter((l) => !l.startsWith('done '))).toEqual([]);
      expect(done.length).toBe(12);
      for (const path of done) expect((await wiki.readPage(path)).content).toContain(`# ${path}`);
    }
    const home = git(dir, 'show', 'HEAD:home.md');
    for (let i = 0; i < commits; i++) expect(home).toContain(`line ${i}\n`);
    expect(Number(git(dir, 'rev-list', '--count', 'HEAD').trim())).toBe(1 + 24 + commits);
    expectInStep();
  }, 120_000);
});

describe("git's index.lock", () => {
  it('held by git makes a wikibot write wait, then fail busy naming it; released, the write goes through', async () => {
    // Prepare
    const wiki = await Wiki.open({ dir, durable: false, lockTimeoutMs: 300 });
    writeFileSync(join(dir, '.git', 'index.lock'), 'git is committing');
    // Act + Assess
    await expect(wiki.writePage('P', 'x', { author: ANN })).rejects.toThrow(WikiBusyError);
    await expect(wiki.writePage('P', 'x', { author: ANN })).rejects.toThrow(/index\.lock/);
    expect(readFileSync(join(dir, '.git', 'index.lock'), 'utf8')).toBe('git is committing');
    execFileSync('rm', [join(dir, '.git', 'index.lock')]);
    await expect(wiki.writePage('P', 'x', { author: ANN })).resolves.toMatchObject({ changed: true });
    expectInStep();
  });

  it('held by a wikibot writer refuses git; left by a killed wikibot writer, it is taken over', async () => {
    // Prepare
    await Wiki.open({ dir, durable: false });
    const holder = startWriter('holdindex', dir);
    await holder.waitFor('locked');
    appendFileSync(join(dir, 'home.md'), 'mine\n');
    const refused = spawnSync('git', [...OTTER, 'commit', '-q', '-am', 'mine'], { cwd: dir, encoding: 'utf8' });
    holder.child.kill('SIGKILL');
    await holder.exited;
    // Act: default settings
    const wiki = await Wiki.open({ dir, durable: false });
    await wiki.writePage('After', 'x', { author: ANN });
    // Assess
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('index.lock');
    expect(existsSync(join(dir, '.git', 'index.lock'))).toBe(false);
    expect(git(dir, 'status', '--porcelain')).toBe(' M home.md\n');
    await gitCommitAll('mine');
    expectInStep();
    fsck(dir);
  });
});
