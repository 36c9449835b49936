import { describe, expect, it } from '@jest/globals';
import { decodeStore, distances, encodeStore, quantize, unitVector } from '../../src/vector-store.js';

function random(dims: number, seed: number): Float32Array {
  let x = seed;
  return Float32Array.from({ length: dims }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 30 - 1;
  });
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return dot / Math.sqrt(na * nb);
}

describe('vector store', () => {
  it('keeps int8 cosine distances within 0.01 of float ones', () => {
    // Prepare
    const dims = 512;
    const vectors = Array.from({ length: 20 }, (_, i) => random(dims, i + 1));
    const query = random(dims, 99);
    // Act
    const page = quantize(
      'oid',
      vectors.map((_, i) => `s${i}`),
      vectors,
      dims,
    );
    const d = distances(page, unitVector(query), dims);
    // Assess
    vectors.forEach((v, i) => expect(Math.abs(d[i]! - (1 - cosine(v, query)))).toBeLessThan(0.01));
    expect(page.rows.byteLength).toBe(20 * dims);
  });

  it('gives distance 0 for the same direction and 1 for an orthogonal one', () => {
    const a = Float32Array.from([3, 0, 0, 0]);
    const page = quantize('oid', ['x', 'y'], [a, Float32Array.from([0, 2, 0, 0])], 4);
    const d = distances(page, unitVector(Float32Array.from([1, 0, 0, 0])), 4);
    expect(d[0]).toBeCloseTo(0, 5);
    expect(d[1]).toBeCloseTo(1, 5);
  });

  it('round-trips through its file form', () => {
    const dims = 8;
    const pages = new Map([
      ['a', quantize('o1', ['A', 'A > B'], [random(dims, 1), random(dims, 2)], dims)],
      ['b/c', quantize('o2', ['C'], [random(dims, 3)], dims)],
    ]);
    const decoded = decodeStore(encodeStore('model/8', dims, 'head1', pages), 'model/8', dims)!;
    expect(decoded.head).toBe('head1');
    expect([...decoded.pages.keys()]).toEqual(['a', 'b/c']);
    for (const [key, page] of pages) {
      const other = decoded.pages.get(key)!;
      expect(other.oid).toBe(page.oid);
      expect(other.sections).toEqual(page.sections);
      expect([...other.rows]).toEqual([...page.rows]);
      expect([...other.inverseNorms]).toEqual([...page.inverseNorms]);
    }
  });

  it('refuses a store of another model, another size, or a damaged file', () => {
    const pages = new Map([['a', quantize('o1', ['A'], [random(8, 1)], 8)]]);
    const bytes = encodeStore('model/8', 8, null, pages);
    expect(decodeStore(bytes, 'other/8', 8)).toBeNull();
    expect(decodeStore(bytes, 'model/8', 16)).toBeNull();
    expect(decodeStore(bytes.subarray(0, bytes.length - 3), 'model/8', 8)).toBeNull();
    expect(decodeStore(Buffer.from('garbage'), 'model/8', 8)).toBeNull();
  });

  it('refuses vectors of the wrong length', () => {
    expect(() => quantize('o', ['a'], [new Float32Array(3)], 4)).toThrow(/3 dimensions, expected 4/);
  });
});
