import { describe, expect, it } from '@jest/globals';
import { TtlCache } from '../../src/ttl-cache.js';

describe('TtlCache', () => {
  it('shares one lookup between concurrent callers and serves it until the TTL passes', async () => {
    // Prepare
    let now = 0;
    let loads = 0;
    const cache = new TtlCache<number>({ ttlMs: 100, now: () => now });
    const load = async () => ++loads;
    // Act
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    now = 99;
    const c = await cache.get('k', load);
    now = 100;
    const d = await cache.get('k', load);
    // Assess
    expect([a, b, c, d]).toEqual([1, 1, 1, 2]);
  });

  it('forgets a failed lookup so the next call retries', async () => {
    const cache = new TtlCache<string>({ ttlMs: 60_000 });
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(cache.get('k', async () => 'up')).resolves.toBe('up');
  });

  it('evicts the oldest entry beyond its bound', async () => {
    let loads = 0;
    const cache = new TtlCache<number>({ ttlMs: 60_000, maxEntries: 2 });
    const load = async () => ++loads;
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load);
    expect(await cache.get('a', load)).toBe(4);
    expect(await cache.get('c', load)).toBe(3);
  });
});
