import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signedOutDir, signedOutSessionsIn } from '../../src/auth/signed-out.js';

describe('signed-out sessions', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'wikibot-signed-out-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("live in the data directory's private area, outside the tree git tracks", () => {
    expect(signedOutDir('/mnt/wiki')).toBe('/mnt/wiki/.git/wikibot/signed-out');
  });

  it('are seen by every list over the same directory, under a hash of the session id', async () => {
    // Prepare
    const dir = join(root, 'shared');
    const here = signedOutSessionsIn(dir, 60);
    const elsewhere = signedOutSessionsIn(dir, 60);
    // Act
    await here.add('session-a');
    // Assess
    expect(await elsewhere.has('session-a')).toBe(true);
    expect(await elsewhere.has('session-b')).toBe(false);
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
  });

  it('forget markers older than a session lifetime at the next sign-out', async () => {
    // Prepare
    const dir = join(root, 'pruned');
    let now = Date.now();
    const list = signedOutSessionsIn(dir, 60, () => now);
    await list.add('old');
    // Act: a sign-out after the old session could have expired anyway
    now += 61_000;
    await list.add('new');
    // Assess
    expect(await list.has('old')).toBe(false);
    expect(await list.has('new')).toBe(true);
  });

  it('fail closed when the list cannot be read', async () => {
    // Prepare: where the directory should be there is a file, so every lookup fails with ENOTDIR
    const dir = join(root, 'not-a-directory');
    await writeFile(dir, '');
    // Act + Assess
    expect(await signedOutSessionsIn(dir, 60).has('any')).toBe(true);
  });
});
