/**
 * A page's dates are shown without Date#toISOString (whose first call in a process sets up the host's time zone):
 * the label is made from the UTC fields, the same for every instant a Date can hold.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isoString, timeTag } from '../../src/views/html.js';

// The range of a Date: ±8.64e15 ms around 1970 (years -271821 to 275760)
const LIMIT = 8.64e15;

describe('the dates a page shows', () => {
  it('spells every instant as toISOString does, expanded years included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -LIMIT, max: LIMIT }), (ms) => {
        const date = new Date(ms);
        expect(isoString(date)).toBe(date.toISOString());
      }),
      { numRuns: 2000 },
    );
    for (const ms of [
      0,
      -1,
      LIMIT,
      -LIMIT,
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0),
      -62167219200001,
    ]) {
      expect(isoString(new Date(ms))).toBe(new Date(ms).toISOString());
    }
  });

  it.each([
    ['2026-11-28T15:45:31.000Z', '2026-11-28 15:45 UTC'],
    ['2026-11-28T16:45:31+01:00', '2026-11-28 15:45 UTC'],
    ['2026-01-01T24:00:00.000Z', '2026-01-02 00:00 UTC'],
    ['+012026-01-01T00:00:00.000Z', '+012026-01-01 00 UTC'],
    ['not a date', 'not a date'],
  ])('labels %s as %s', (iso, label) => {
    expect(timeTag(iso).value).toBe(`<time datetime="${iso}">${label}</time>`);
  });
});
