/**
 * Objects written by the git CLI read back exactly as `git cat-file` shows them: loose at every compression level,
 * then packed by `git gc` (whole and as deltas, entries longer than a pack entry's first read); a damaged loose or
 * packed object is refused with the inflater's error, as node:zlib refused it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { looseObjectPath } from '../../src/object-codec.js';
import { ObjectStore } from '../../src/object-store.js';
import { git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
const versions = (n: number): string =>
  `# Page\n\n${'A line of the page, long enough to delta. '.repeat(40)}\nEdit ${n}\n`;
const contents = [
  Buffer.alloc(0),
  Buffer.from('x'),
  Buffer.from('# Home\n\nWelcome to the wiki.\n'),
  randomBytes(5000),
  Buffer.from(versions(0).repeat(200)),
  randomBytes((1 << 20) + 7),
];

/** Every object of the repository as `git cat-file --batch` prints it: id → type and content. */
function gitObjects(): Map<string, { type: string; body: Buffer }> {
  const ids = git(dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname)').trim().split('\n');
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: dir, input: ids.join('\n'), maxBuffer: 1 << 28 });
  const objects = new Map<string, { type: string; body: Buffer }>();
  for (let at = 0; at < out.length;) {
    const eol = out.indexOf(10, at);
    const [oid, type, size] = out.toString('latin1', at, eol).split(' ');
    const body = out.subarray(eol + 1, eol + 1 + Number(size));
    objects.set(oid!, { type: type!, body });
    at = eol + 2 + Number(size);
  }
  return objects;
}

const store = (): ObjectStore =>
  new ObjectStore(join(dir, '.git'), { tmpDir: join(dir, '.git', 'tmp'), durable: false });

function expectEveryObjectRead(): number {
  const objects = store();
  const expected = gitObjects();
  for (const [oid, { type, body }] of expected) {
    const read = objects.read(oid, type as 'blob' | 'tree' | 'commit');
    expect(read.body.equals(body)).toBe(true);
  }
  return expected.size;
}

beforeAll(() => {
  dir = makeTempDir();
  git(dir, 'init', '-q', '-b', 'main');
  contents.forEach((bytes, level) => {
    // Each commit's objects at another zlib level (0 stores, 9 compresses hardest).
    writeFileSync(join(dir, `file-${level}.bin`), bytes);
    for (let n = 0; n < 3; n++) {
      writeFileSync(join(dir, 'page.md'), versions(level * 3 + n));
      git(dir, '-c', `core.compression=${(level * 3 + n) % 10}`, 'add', '-A');
      const compression = `core.compression=${(level * 3 + n) % 10}`;
      git(dir, '-c', compression, '-c', 'user.name=T', '-c', 'user.email=t@x', 'commit', '-q', '-m', `v${n}`);
    }
  });
});
afterAll(() => removeDir(dir));

describe('objects written by git', () => {
  it('reads every loose object as git cat-file shows it', () => {
    expect(git(dir, 'count-objects', '-v')).toMatch(/in-pack: 0/);
    expect(expectEveryObjectRead()).toBeGreaterThan(30);
  });

  it('refuses a truncated and a damaged loose object with zlib’s messages', () => {
    const oid = git(dir, 'rev-parse', 'HEAD:file-2.bin').trim();
    const path = looseObjectPath(join(dir, '.git'), oid);
    const original = readFileSync(path);
    try {
      truncateSync(path, original.length - 6);
      expect(() => store().read(oid, 'blob')).toThrow('unexpected end of file');
      const damaged = Buffer.from(original);
      damaged[damaged.length - 1]! ^= 1; // the checksum's last byte
      writeFileSync(path, damaged);
      expect(() => store().read(oid, 'blob')).toThrow('incorrect data check');
    } finally {
      writeFileSync(path, original);
    }
  });

  it('reads every packed object, whole and as deltas, after git gc', () => {
    git(dir, '-c', 'pack.compression=9', 'gc', '-q', '--aggressive');
    expect(git(dir, 'count-objects', '-v')).toMatch(/count: 0/);
    expect(git(dir, 'verify-pack', '-v', ...packIndexes())).toMatch(/chain length = [1-9]/);
    expect(expectEveryObjectRead()).toBeGreaterThan(30);
  });

  it('refuses a damaged pack entry', () => {
    const oid = git(dir, 'rev-parse', 'HEAD:file-4.bin').trim();
    const entry = git(dir, 'verify-pack', '-v', ...packIndexes())
      .split('\n')
      .find((line) => line.startsWith(oid))!;
    const [, , , sizeInPack, offset] = entry.split(/\s+/).map(Number);
    const pack = packIndexes()[0]!.replace(/\.idx$/, '.pack');
    const original = readFileSync(pack);
    try {
      const damaged = Buffer.from(original);
      damaged[offset! + sizeInPack! - 2]! ^= 0x10; // inside the entry's checksum
      writeFileSync(pack, damaged);
      expect(() => store().read(oid, 'blob')).toThrow('incorrect data check');
    } finally {
      writeFileSync(pack, original);
    }
  });
});

function packIndexes(): string[] {
  const packDir = join(dir, '.git', 'objects', 'pack');
  return readdirSync(packDir)
    .filter((name) => name.endsWith('.idx'))
    .map((name) => join(packDir, name));
}
