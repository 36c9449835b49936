/**
 * A page's head — what a page view shows besides the text — comes from the index alone: the same fields as
 * `readPage`, plus the blob id git has for the file, and no git object read (a cold view of a page rendered before
 * needs nothing else, so it neither reads the object store nor loads node:zlib).
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { PageNotFoundError, Wiki } from '../../src/index.js';
import { ANN, BOB, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

const PAGE = '---\ntitle: Shown Title\ncategory: Guides\ntags: [a, b]\n---\n# Heading\n\nSee [[Other page]].\n';

describe('readPageHead', () => {
  it('tells what readPage does of the latest revision, without the text, and the blob id of its file', async () => {
    // Arrange: a page changed twice, by two authors
    const wiki = await Wiki.open({ dir, durable: false });
    await wiki.writePage('Guide/Start', 'first\n', { author: ANN });
    await wiki.writePage('Guide/Start', PAGE, { author: BOB });
    // Act
    const head = await wiki.readPageHead('guide/start');
    const page = await wiki.readPage('guide/start');
    // Assess
    const { content, body, frontmatter, ...shown } = page;
    expect(content).toBe(PAGE);
    expect(body).not.toBe('');
    expect(frontmatter).toMatchObject({ title: 'Shown Title' });
    expect(head).toEqual({ ...shown, blob: git(dir, 'rev-parse', 'HEAD:guide/start.md').trim() });
    expect(head).toMatchObject({ title: 'Shown Title', category: 'Guides', tags: ['a', 'b'], author: BOB });
    expect(head.revision).toBe(git(dir, 'rev-parse', 'HEAD').trim());
  });

  it('reads no git object: it answers with the object store moved away, where readPage cannot', async () => {
    // Arrange: the page written and the index cache saved, then a cold open with no objects to read
    const first = await Wiki.open({ dir, durable: false });
    await first.writePage('Kept', PAGE, { author: ANN });
    await first.flush();
    const expected = await first.readPageHead('Kept');
    const wiki = await Wiki.open({ dir, durable: false });
    renameSync(join(dir, '.git', 'objects'), join(dir, 'objects-away'));
    try {
      // Act + Assess
      expect(await wiki.readPageHead('Kept')).toEqual(expected);
      await expect(wiki.readPage('Kept')).rejects.toThrow();
    } finally {
      renameSync(join(dir, 'objects-away'), join(dir, '.git', 'objects'));
    }
  });

  it('refuses a page that does not exist', async () => {
    const wiki = await Wiki.open({ dir, durable: false });
    await expect(wiki.readPageHead('Nowhere')).rejects.toBeInstanceOf(PageNotFoundError);
  });
});
