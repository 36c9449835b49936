/**
 * A page whose analysis fails is still indexed — as plain text, under its file name, with no links or tags — and
 * the failure is logged; it never fails the catch-up that every request and `Wiki.open` run.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { GitStore } from '../../src/git-store.js';
import { describePage } from '../../src/page-description.js';
import { DEFAULT_PAGE_NAMING } from '../../src/page-names.js';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('describePage when the page cannot be analysed', () => {
  it('describes it by its file name with no links, and logs one warning', async () => {
    // Prepare: a store that hands back bytes where text is expected (the analysis throws on them)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = { readText: async () => Buffer.from('# Title\n[[Link]]\n') } as unknown as GitStore;
    // Act
    const meta = await describePage(store, 'notes/broken page.md', 'a'.repeat(40), DEFAULT_PAGE_NAMING);
    // Assess
    expect(meta).toMatchObject({ file: 'notes/broken page.md', links: [], tags: [] });
    expect(meta.title).toBe(meta.path.split('/').pop());
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(warn.mock.calls[0]![0]))).toMatchObject({
      level: 'warn',
      msg: 'page indexed as plain text',
    });
  });
});
