/**
 * Blame's work limits: a history needing more diffs than the step limit, or more time than the time limit, is
 * refused with BlameTooLargeError instead of being traced (limits lowered here, so no test waits for 1,000 commits
 * or 3 seconds); within them the same history is traced.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { blamePage } from '../../src/blame.js';
import { BlameTooLargeError, Wiki } from '../../src/index.js';
import { GitStore } from '../../src/git-store.js';
import { PageIndex } from '../../src/page-index.js';
import { ANN, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

/** A page that grew by one line in each of `n` commits (every step of the walk leaves lines to trace). */
async function growingPage(n: number): Promise<{ index: PageIndex; store: GitStore }> {
  const wiki = await Wiki.open({ dir, durable: false });
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(`line ${i}`);
    await wiki.writePage('Grown', `${lines.join('\n')}\n`, { author: ANN });
  }
  const gitdir = join(dir, '.git');
  const store = new GitStore(gitdir, { tmpDir: join(gitdir, 'wikibot', 'tmp'), durable: false });
  const index = new PageIndex(store);
  await index.catchUp(store.readHead());
  return { index, store };
}

describe('blamePage limits', () => {
  it('refuses a history that needs more diffs than the step limit, and traces it within the limit', async () => {
    // Prepare
    const { index, store } = await growingPage(6);
    const input = { key: 'grown', path: 'Grown', upTo: 5 };
    // Act
    const refused = blamePage(index, store, input, { steps: 4, ms: 60_000 });
    const traced = await blamePage(index, store, input, { steps: 6, ms: 60_000 });
    // Assess
    await expect(refused).rejects.toThrow(BlameTooLargeError);
    await expect(refused).rejects.toThrow(/history is too long to trace/);
    expect(new Set(traced.lines.map((l) => l.revision)).size).toBe(6);
  });

  it('refuses once the time limit has passed', async () => {
    const { index, store } = await growingPage(2);
    await expect(
      blamePage(index, store, { key: 'grown', path: 'Grown', upTo: 1 }, { steps: 10, ms: 0 }),
    ).rejects.toThrow(BlameTooLargeError);
  });
});
