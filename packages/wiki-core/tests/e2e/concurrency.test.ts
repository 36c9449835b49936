import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { Wiki, WikiBusyError } from '../../src/index.js';
import { startWriter } from '../helpers/processes.js';
import { ANN, fsck, git, makeTempDir, removeDir } from '../helpers/repo.js';

let root: string;
let dir: string;

beforeEach(() => {
  root = makeTempDir();
  dir = join(root, 'wiki'); // does not exist yet: the writers race to create it
});
afterEach(() => removeDir(root));

function donePages(lines: string[]): { path: string; revision: string }[] {
  return lines
    .filter((l) => l.startsWith('done '))
    .map((l) => {
      const revision = l.slice(-40);
      return { path: l.slice(5, -41), revision };
    });
}

describe('several processes writing one repository', () => {
  it('keep every write reported done, one commit each, with one initial commit and a clean fsck', async () => {
    // Prepare + Act
    const writers = ['a', 'b', 'c', 'd'].map((p) => startWriter('write', dir, p, '6'));
    await Promise.all(writers.map((w) => w.exited));
    // Assess
    const done = writers.flatMap((w) => donePages(w.lines));
    const errors = writers.flatMap((w) => w.lines.filter((l) => !l.startsWith('done ')));
    expect(errors).toEqual([]);
    expect(done.length).toBe(24);
    expect(Number(git(dir, 'rev-list', '--count', 'HEAD'))).toBe(1 + done.length);
    expect(
      git(dir, 'log', '--format=%s')
        .split('\n')
        .filter((s) => s === 'Create Home').length,
    ).toBe(1);
    const log = git(dir, 'log', '--format=%H %an');
    for (const { path, revision } of done) {
      expect(git(dir, 'show', `HEAD:${path}.md`)).toContain(`# ${path}`);
      expect(log).toContain(`${revision} Writer ${path[0]}`);
    }
    fsck(dir);
    const wiki = await Wiki.open({ dir });
    expect((await wiki.listPages()).length).toBe(25);
  }, 120_000);

  it('creating the same pages create-only: each page created once, every other writer told it exists', async () => {
    // Prepare + Act: four processes race to create the same six pages
    const writers = ['a', 'b', 'c', 'd'].map((p) => startWriter('create', dir, p, '6'));
    await Promise.all(writers.map((w) => w.exited));
    // Assess
    const lines = writers.flatMap((w, i) => w.lines.map((line) => ({ writer: 'abcd'[i]!, line })));
    for (let i = 0; i < 6; i++) {
      const path = `race-${i}`;
      const winners = lines.filter(({ line }) => line.startsWith(`done ${path} `));
      expect(winners).toHaveLength(1);
      expect(lines.filter(({ line }) => line === `error PageExistsError ${path}`)).toHaveLength(3);
      expect(git(dir, 'show', `HEAD:${path}.md`)).toBe(`created by ${winners[0]!.writer}\n`);
      expect(git(dir, 'rev-list', '--count', 'HEAD', '--', `${path}.md`).trim()).toBe('1');
    }
    fsck(dir);
  }, 120_000);
});

describe('a writer killed with SIGKILL', () => {
  it('while holding the lock delays the next writer only until the lock is stale', async () => {
    // Prepare
    const holder = startWriter('hold', dir);
    await holder.waitFor('locked');
    holder.child.kill('SIGKILL');
    await holder.exited;
    // Act + Assess: an impatient writer is told the wiki is busy and how long it waited
    const impatient = await Wiki.open({ dir, lockTimeoutMs: 100, staleLockMs: 60_000 });
    await expect(impatient.writePage('P', 'x', { author: ANN })).rejects.toThrow(WikiBusyError);
    await expect(impatient.writePage('P', 'x', { author: ANN })).rejects.toThrow(/waited \d+ ms/);
    // ...and a writer that treats 300 ms as stale takes the lock over
    const patient = await Wiki.open({ dir, lockTimeoutMs: 10_000, staleLockMs: 300 });
    await expect(patient.writePage('P', 'x', { author: ANN })).resolves.toMatchObject({ changed: true });
    fsck(dir);
  });

  it('with default settings is taken over by the next writer before its lock wait runs out', async () => {
    // Prepare
    const holder = startWriter('hold', dir);
    await holder.waitFor('locked');
    holder.child.kill('SIGKILL');
    await holder.exited;
    // Act: default staleLockMs (3 s) is below the default lockTimeoutMs (10 s); at 30 s this was WikiBusyError
    const wiki = await Wiki.open({ dir });
    const result = await wiki.writePage('After Crash', 'x', { author: ANN });
    // Assess
    expect(result.changed).toBe(true);
    expect(git(dir, 'show', 'HEAD:after crash.md')).toBe('x');
    fsck(dir);
  });

  it('makes every queued write report how long it really waited', async () => {
    // Prepare
    const holder = startWriter('hold', dir);
    await holder.waitFor('locked');
    const wiki = await Wiki.open({ dir, lockTimeoutMs: 300, staleLockMs: 60_000 });
    // Act: the second write queues behind the first inside this process, then both give up
    const started = Date.now();
    const outcomes = await Promise.allSettled([1, 2].map((n) => wiki.writePage(`Q${n}`, 'x', { author: ANN })));
    const elapsed = Date.now() - started;
    holder.child.kill('SIGKILL');
    await holder.exited;
    // Assess
    const errors = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as WikiBusyError) : null));
    expect(errors.every((e) => e instanceof WikiBusyError)).toBe(true);
    expect(errors[1]!.waitedMs).toBeGreaterThanOrEqual(300);
    expect(errors[1]!.waitedMs).toBeGreaterThan(elapsed - 150);
    expect(errors[1]!.message).toContain(`waited ${errors[1]!.waitedMs} ms`);
  });

  it('after writing a commit but before moving the branch leaves a valid repository without that commit', async () => {
    // Prepare
    const crasher = startWriter('midcommit', dir);
    await crasher.waitFor('objects');
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    crasher.child.kill('SIGKILL');
    await crasher.exited;
    // Assess
    fsck(dir);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    const wiki = await Wiki.open({ dir, staleLockMs: 300 });
    expect(await wiki.exists('ghost')).toBe(false);
    await wiki.writePage('After', 'fine', { author: ANN });
    expect(git(dir, 'show', 'HEAD:after.md')).toBe('fine');
    fsck(dir);
  });

  it('at a random instant of a write loop loses no write reported done', async () => {
    // Prepare
    const victim = startWriter('write', dir, 'v', '200', '300');
    await victim.waitFor('done v-3');
    // Act
    victim.child.kill('SIGKILL');
    await victim.exited;
    // Assess
    fsck(dir);
    for (const { path } of donePages(victim.lines)) expect(git(dir, 'show', `HEAD:${path}.md`)).toContain(path);
    const observer = await Wiki.open({ dir, staleLockMs: 300 });
    const next = startWriter('write', dir, 'n', '2', '300');
    await next.exited;
    expect(next.lines.filter((l) => l.startsWith('done ')).length).toBe(2);
    // An instance opened before another process wrote catches up on its next read.
    expect((await observer.readPage('N-1')).author.name).toBe('Writer n');
    expect((await observer.search('written by n')).map((h) => h.path)).toContain('N-1'); // Otterwiki's name for n-1.md
    fsck(dir);
  }, 60_000);
});
