/**
 * The index patched in place must be byte for byte the index serialised from scratch with the same entries (which
 * `index-codec.test.ts` pins to git's own bytes), whether a write replaces, adds or removes entries; and undoing a
 * patch must give back the parent's bytes exactly (a write whose branch did not move puts them back).
 */
import { describe, expect, it } from '@jest/globals';
import { encodeEntry, parseIndex, serializeIndex, type IndexEntry } from '../../src/index-codec.js';
import { IndexImage } from '../../src/index-image.js';

const oid = (n: number): string => n.toString(16).padStart(40, '0');
const FILES = ['a-b.md', 'a/b.md', 'a0.md', 'café.md', 'home.md', 'note 00001.md', 'note 00002.md', '日本.md'];

function entries(files: ReadonlyMap<string, string>): IndexEntry[] {
  return [...files].map(([file, id]) => encodeEntry(file, id, null)).sort((a, b) => Buffer.compare(a.path, b.path));
}

function start(): { files: Map<string, string>; image: IndexImage; original: Buffer } {
  const files = new Map(FILES.map((file, i) => [file, oid(i + 1)]));
  const image = IndexImage.of(entries(files));
  return { files, image, original: Buffer.from(image.bytes) };
}

describe('IndexImage', () => {
  it('replaces entries in place: the same bytes as serialising the changed entries, and undo restores the parent', () => {
    // Prepare
    const { files, image, original } = start();
    const buffer = image.bytes;
    const changes = new Map([
      ['home.md', oid(100)],
      ['日本.md', oid(101)],
    ]);
    // Act
    const undo = image.apply(changes, new Map());
    // Assess
    expect(image.bytes).toBe(buffer); // patched in place, no new buffer
    for (const [file, id] of changes) files.set(file, id);
    expect(image.bytes.equals(serializeIndex(entries(files)))).toBe(true);
    expect(parseIndex(image.bytes).entries.map((e) => e.bytes.toString('hex', 40, 60))).toContain(oid(101));
    undo();
    expect(image.bytes.equals(original)).toBe(true);
  });

  it('adds and removes entries in git order, and undo restores the parent', () => {
    // Prepare
    const { files, image, original } = start();
    const changes = new Map<string, string | null>([
      ['a.md', oid(200)],
      ['note 00001.md', null],
      ['zz/new.md', oid(201)],
      ['home.md', oid(202)],
    ]);
    // Act
    const undo = image.apply(changes, new Map());
    // Assess
    for (const [file, id] of changes) {
      if (id === null) files.delete(file);
      else files.set(file, id);
    }
    expect(image.bytes.equals(serializeIndex(entries(files)))).toBe(true);
    expect(image.entries.map((e) => e.path.toString())).toEqual(entries(files).map((e) => e.path.toString()));
    undo();
    expect(image.bytes.equals(original)).toBe(true);
    expect(image.entries.length).toBe(FILES.length);
  });

  it('keeps patching correctly over many writes (each result parses, with its checksum)', () => {
    // Prepare
    const { files, image } = start();
    // Act + Assess
    for (let round = 0; round < 20; round++) {
      const file = FILES[round % FILES.length]!;
      image.apply(new Map([[file, oid(1000 + round)]]), new Map());
      files.set(file, oid(1000 + round));
      expect(image.bytes.equals(serializeIndex(entries(files)))).toBe(true);
      expect(() => parseIndex(image.bytes)).not.toThrow();
    }
  });
});
