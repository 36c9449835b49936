import { describe, it, expect } from '@jest/globals';
import { CATEGORIES, fuzzCorpus } from '../../src/soak/fuzz-corpus.js';

const context = { token: 'header.payload.signature', forged: { garbage: 'Bearer not-a-jwt' }, host: 'localhost:1' };

describe('fuzzCorpus', () => {
  it.each([1, 7, 300, 10_000, 12_345])('yields exactly %i cases', (count) => {
    // Act
    const cases = [...fuzzCorpus(count, context)];

    // Assess
    expect(cases).toHaveLength(count);
  });

  it('covers every category and caps the megabyte-sized oversized bodies at a dozen', () => {
    // Act
    const cases = [...fuzzCorpus(10_000, context)];

    // Assess
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(Object.keys(CATEGORIES).sort());
    expect(counts.get('oversized body')).toBe(12);
  });

  it('is the same corpus for the same seed', () => {
    // Act
    const first = [...fuzzCorpus(200, context, 42)].map((c) => `${c.method} ${c.path} ${c.body?.toString('base64')}`);
    const second = [...fuzzCorpus(200, context, 42)].map((c) => `${c.method} ${c.path} ${c.body?.toString('base64')}`);

    // Assess
    expect(second).toEqual(first);
  });

  it('sends only bodies that really are invalid UTF-8 in the invalid UTF-8 category', () => {
    // Act
    const bodies = [...fuzzCorpus(10_000, context)]
      .filter((c) => c.category === 'invalid UTF-8' && c.body)
      .map((c) => c.body!);

    // Assess
    expect(bodies.length).toBeGreaterThan(0);
    const decodes = bodies.filter((b) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
        return true;
      } catch {
        return false;
      }
    });
    expect(decodes).toEqual([]);
  });
});
