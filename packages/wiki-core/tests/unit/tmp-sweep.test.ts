/**
 * Temporary files a crashed write left in `.git/wikibot/tmp/` are swept by a process's first write: opening and
 * reading (a cold page view) leave the directory alone, and a fresh temporary file (a write under way in another
 * process) is never swept.
 */
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Wiki } from '../../src/index.js';
import { ANN, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

describe('sweeping temporary files', () => {
  it('leaves them to the first write, which removes only those older than an hour', async () => {
    // Arrange: a repository, then a crashed write's leftover (2 hours old) and a write under way (just now)
    await Wiki.open({ dir, durable: false });
    const tmp = join(dir, '.git', 'wikibot', 'tmp');
    mkdirSync(tmp, { recursive: true });
    const stale = join(tmp, 'stale.tmp');
    const fresh = join(tmp, 'fresh.tmp');
    writeFileSync(stale, 'left by a crash');
    writeFileSync(fresh, 'being written');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);

    // Act: a cold start that only reads
    const wiki = await Wiki.open({ dir, durable: false });
    await wiki.readPage('Home');
    // Assess
    expect(existsSync(stale)).toBe(true);

    // Act: its first write
    await wiki.writePage('Note', 'text\n', { author: ANN });
    // Assess
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});
