/**
 * Every way an object is found: queued by the write in progress, loose, packed (whole or as a delta), and the
 * refusals (missing, wrong kind). Abbreviated ids are resolved across loose objects and packs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WikiError } from '../../src/errors.js';
import { encodeObject } from '../../src/object-codec.js';
import { ObjectStore } from '../../src/object-store.js';
import { git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
let gitdir: string;
const text = (n: number): string => `${'A paragraph long enough for git to store it as a delta. '.repeat(30)}${n}\n`;
const ids: Record<string, string> = {};
/** Incompressible and larger than a pack entry's first read (4 KiB): read again in full. */
const noise = randomBytes(40_000);

beforeAll(() => {
  dir = makeTempDir();
  gitdir = join(dir, '.git');
  git(dir, 'init', '-q', '-b', 'main');
  for (let n = 1; n <= 3; n++) {
    writeFileSync(join(dir, 'page.md'), text(n));
    git(dir, 'add', 'page.md');
    git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', `v${n}`);
    ids[`blob${n}`] = git(dir, 'rev-parse', 'HEAD:page.md').trim();
  }
  writeFileSync(join(dir, 'noise.bin'), noise);
  git(dir, 'add', 'noise.bin');
  git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'noise');
  ids.noise = git(dir, 'rev-parse', 'HEAD:noise.bin').trim();
  git(dir, 'gc', '-q', '--aggressive');
  ids.packedCommit = git(dir, 'rev-parse', 'HEAD').trim();
  writeFileSync(join(dir, 'loose.md'), 'loose\n');
  ids.loose = git(dir, 'hash-object', '-w', 'loose.md').trim();
});
afterAll(() => removeDir(dir));

const store = (): ObjectStore => new ObjectStore(gitdir, { tmpDir: join(gitdir, 'tmp'), durable: false });

describe('ObjectStore.read', () => {
  it('reads a loose object', () => {
    expect(git(dir, 'cat-file', '-t', ids.loose!).trim()).toBe('blob');
    expect(store().read(ids.loose!, 'blob').body.toString()).toBe('loose\n');
  });

  it('reads packed objects, whole and as deltas, as git cat-file does', () => {
    expect(git(dir, 'count-objects', '-v')).toMatch(/in-pack: [1-9]/);
    const objects = store();
    for (const n of [1, 2, 3]) expect(objects.read(ids[`blob${n}`]!, 'blob').body.toString()).toBe(text(n));
    expect(objects.read(ids.packedCommit!, 'commit').body.toString()).toBe(git(dir, 'cat-file', 'commit', 'HEAD'));
    expect(objects.read(ids.noise!, 'blob').body.equals(noise)).toBe(true);
  });

  it('reads an object queued by the write in progress before it is on disk, and forgets it when discarded', () => {
    const objects = store();
    const queued = encodeObject('blob', Buffer.from('queued\n'));
    objects.queue(queued);
    expect(objects.read(queued.oid, 'blob').body.toString()).toBe('queued\n');
    objects.discardPending();
    expect(() => objects.read(queued.oid, 'blob')).toThrow(/missing/);
  });

  it('refuses a missing object and an object of another kind with a WikiError', () => {
    expect(() => store().read('0'.repeat(40), 'blob')).toThrow(WikiError);
    expect(() => store().read(ids.packedCommit!, 'tree')).toThrow(/is a commit, not a tree/);
  });
});

describe('ObjectStore.matching', () => {
  it('finds packed and loose ids by prefix', async () => {
    expect(await store().matching(ids.packedCommit!.slice(0, 7))).toEqual([ids.packedCommit]);
    expect(await store().matching(ids.loose!.slice(0, 5))).toEqual([ids.loose]);
    expect(await store().matching('ffffffffff')).toEqual([]);
  });
});
