import { describe, expect, it } from '@jest/globals';
import { apiKeyMatches } from '../../src/index.js';

describe('apiKeyMatches', () => {
  it('accepts the configured key', async () => {
    expect(await apiKeyMatches('s3cret-key-value', 's3cret-key-value')).toBe(true);
  });

  it.each([
    ['a different key of the same length', 's3cret-key-valuX'],
    ['a prefix of the key', 's3cret'],
    ['the key with extra characters', 's3cret-key-value '],
    ['an empty string', ''],
  ])('refuses %s', async (_name, presented) => {
    expect(await apiKeyMatches(presented, 's3cret-key-value')).toBe(false);
  });

  it('never matches when no key is configured', async () => {
    expect(await apiKeyMatches('', '')).toBe(false);
  });
});
