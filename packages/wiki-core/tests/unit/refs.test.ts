/**
 * The branch ref is read loose or from packed-refs and moved with git's lockfile protocol (`<ref>.lock`).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WikiBusyError, WikiError } from '../../src/errors.js';
import { BranchRef } from '../../src/refs.js';
import { git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
let ref: BranchRef;
const commit = (message: string): string => {
  git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
};
beforeEach(() => {
  dir = makeTempDir();
  git(dir, 'init', '-q', '-b', 'main');
  ref = new BranchRef(join(dir, '.git'), false);
});
afterEach(() => removeDir(dir));

describe('BranchRef', () => {
  it('reads nothing in an empty repository, the loose ref, then the packed ref after git pack-refs', () => {
    expect(ref.read()).toBeNull();
    const first = commit('one');
    expect(ref.read()).toBe(first);
    git(dir, 'pack-refs', '--all');
    expect(existsSync(join(dir, '.git/refs/heads/main'))).toBe(false);
    expect(ref.read()).toBe(first);
  });

  it('moves the branch so git sees it, and refuses when the branch moved meanwhile', () => {
    const first = commit('one');
    const second = commit('two');
    ref.update(second, first);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(first);
    expect(() => ref.update(second, first)).toThrow(WikiError);
    expect(existsSync(join(dir, '.git/refs/heads/main.lock'))).toBe(false);
  });

  it("waits for no one holding git's ref lock: busy while it is fresh, taken over once abandoned", () => {
    const first = commit('one');
    const second = commit('two');
    const lock = join(dir, '.git/refs/heads/main.lock');
    writeFileSync(lock, `${first}\n`);
    expect(() => ref.update(second, first)).toThrow(WikiBusyError);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(second);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    ref.update(second, first);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(first);
  });

  it('takes over a ref lock a killed writer left 2 s ago, inside the 3 s a stale write lock takes', () => {
    const first = commit('one');
    const second = commit('two');
    const lock = join(dir, '.git/refs/heads/main.lock');
    writeFileSync(lock, `${first}\n`);
    const killedAt = new Date(Date.now() - 2_000);
    utimesSync(lock, killedAt, killedAt);
    ref.update(second, first);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(first);
    expect(existsSync(lock)).toBe(false);
  });
});
