import { describe, expect, it } from '@jest/globals';
import { ClientNames } from '../../src/mcp/client-names.js';

describe('ClientNames', () => {
  it('remembers the name per user and OAuth client', () => {
    const names = new ClientNames();
    names.remember('user_1', 'client_a', 'Claude');
    expect(names.lookup('user_1', 'client_a')).toBe('Claude');
    expect(names.lookup('user_1', 'client_b')).toBeUndefined();
    expect(names.lookup('user_2', 'client_a')).toBeUndefined();
  });

  it('forgets the oldest entry beyond its bound', () => {
    const names = new ClientNames(2);
    names.remember('u1', 'c', 'one');
    names.remember('u2', 'c', 'two');
    names.remember('u1', 'c', 'one again');
    names.remember('u3', 'c', 'three');
    expect(names.lookup('u2', 'c')).toBeUndefined();
    expect(names.lookup('u1', 'c')).toBe('one again');
    expect(names.lookup('u3', 'c')).toBe('three');
  });
});
