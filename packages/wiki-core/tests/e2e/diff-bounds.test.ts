/**
 * A diff is bounded in work and in size: two revisions that differ everywhere, or a huge change, are refused as
 * too large to show (with both revisions named) instead of taking seconds and returning megabytes.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DiffTooLargeError, MAX_DIFF_CHARS, MAX_DIFF_EDIT_LENGTH, Wiki } from '../../src/index.js';
import { ANN, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
let wiki: Wiki;
beforeEach(async () => {
  dir = makeTempDir();
  wiki = await Wiki.open({ dir, durable: false });
});
afterEach(() => removeDir(dir));

const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag} line ${i}`).join('\n');

describe('Wiki.diff', () => {
  it('still shows an ordinary change', async () => {
    const first = await wiki.writePage('P', lines(50, 'same'), { author: ANN });
    await wiki.writePage('P', lines(50, 'same').replace('same line 7', 'changed line 7'), { author: ANN });
    const diff = await wiki.diff('P', first.revision);
    expect(diff).toContain('-same line 7\n+changed line 7');
  });

  it('refuses two revisions that differ in more lines than the edit limit, naming both', async () => {
    const first = await wiki.writePage('P', lines(MAX_DIFF_EDIT_LENGTH * 2, 'old'), { author: ANN });
    const second = await wiki.writePage('P', lines(MAX_DIFF_EDIT_LENGTH * 2, 'new'), { author: ANN });
    const error = await wiki.diff('P', first.revision, second.revision).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiffTooLargeError);
    expect(error).toMatchObject({ path: 'P', fromRevision: first.revision, toRevision: second.revision });
  });

  it('refuses a change whose diff would be longer than the output limit (a 1 MB line)', async () => {
    const first = await wiki.writePage('P', 'small', { author: ANN });
    await wiki.writePage('P', 'x'.repeat(1_000_000), { author: ANN });
    await expect(wiki.diff('P', first.revision)).rejects.toThrow(DiffTooLargeError);
    expect(MAX_DIFF_CHARS).toBeLessThan(1_000_000);
  });
});
