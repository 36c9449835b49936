import { describe, expect, it } from '@jest/globals';
import type { UiPageResult } from '../../src/ui/page-weight.js';
import { uiTargets } from '../../src/ui/ui-targets.js';

const clean = { serious: 0, critical: 0, rules: [] };

function page(overrides: Partial<UiPageResult>): UiPageResult {
  return {
    type: 'view',
    status: 200,
    expectedStatus: 200,
    html: { raw: 6000, gzip: 2000 },
    css: { raw: 8000, gzip: 2500 },
    js: { raw: 1500, gzip: 600 },
    totalGzip: 5100,
    axe: { light: clean, dark: clean },
    ...overrides,
  };
}

describe('uiTargets', () => {
  it('gives each page type a weight row and an axe row, passing under 60 KB with no findings', () => {
    // Act
    const rows = uiTargets([page({}), page({ type: 'edit' })]);
    // Assess
    expect(rows.map((r) => [r.section, r.what.split(':')[0], r.pass])).toEqual([
      ['Wiki page weight', 'view', true],
      ['Wiki page weight', 'edit', true],
      ['Accessibility (axe-core)', 'view', true],
      ['Accessibility (axe-core)', 'edit', true],
    ]);
    expect(rows[0]!.measured).toBe('5.0 KB (HTML 2.0 KB, CSS 2.4 KB, JS 0.6 KB)');
  });

  it('misses a page over 60 KB, and one with a serious finding in either theme, naming the rule', () => {
    // Act
    const dark = { serious: 1, critical: 0, rules: ['link-in-text-block'] };
    const [weight, axe] = uiTargets([page({ totalGzip: 60 * 1024 + 1, axe: { light: clean, dark } })]);
    // Assess
    expect(weight!.pass).toBe(false);
    expect(axe!.pass).toBe(false);
    expect(axe!.measured).toBe('light 0 / 0, dark 1 / 0 (link-in-text-block)');
  });

  it('gives no verdict for a page that answered another status than a person gets (an error page was measured)', () => {
    // Act
    const rows = uiTargets([page({ type: 'blame', status: 404 })]);
    // Assess
    expect(rows.map((r) => r.pass)).toEqual([null, null]);
    expect(rows[0]!.measured).toContain('answered 404, not 200');
  });

  it('has no rows when the part did not run', () => {
    expect(uiTargets(undefined)).toEqual([]);
  });
});
