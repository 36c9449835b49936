import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AttachmentNotFoundError,
  AttachmentTooLargeError,
  attachmentFilename,
  InvalidArgumentError,
  MAX_ATTACHMENT_BYTES,
  PageNotFoundError,
  RevisionRequiredError,
  Wiki,
} from '../../src/index.js';
import { ANN, BOB, fsck, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
let wiki: Wiki;

beforeEach(async () => {
  dir = makeTempDir();
  wiki = await Wiki.open({ dir, durable: false });
  await wiki.writePage('Foo/Bar Baz', '# Bar Baz\n', { author: ANN });
});
afterEach(() => removeDir(dir));

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0xff, 0x00]);

describe('attachments in the Otterwiki layout', () => {
  it('stores a file in the page directory, one commit authored by the caller', async () => {
    // Act
    const result = await wiki.writeAttachment('foo/bar baz', 'diagram.png', PNG, {
      author: BOB,
      message: 'Add diagram',
    });
    // Assess
    expect(result).toMatchObject({
      path: 'Foo/Bar Baz',
      filename: 'diagram.png',
      size: PNG.length,
      mimeType: 'image/png',
      created: true,
    });
    expect(git(dir, 'log', '-1', '--format=%an <%ae>|%s')).toBe('Bob Builder <bob@example.com>|Add diagram\n');
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n')).toContain('foo/bar baz/diagram.png');
    const blob = execFileSync('git', ['cat-file', 'blob', 'HEAD:foo/bar baz/diagram.png'], { cwd: dir });
    expect(Uint8Array.from(blob)).toEqual(PNG);
    expect(Uint8Array.from(readFileSync(join(dir, 'foo/bar baz/diagram.png')))).toEqual(PNG);
    fsck(dir);
  });

  it('lists, reads and deletes attachments, never subpages', async () => {
    // Prepare
    await wiki.writePage('Foo/Bar Baz/Child', 'child', { author: ANN });
    const { revision } = await wiki.writeAttachment('Foo/Bar Baz', 'notes.txt', new TextEncoder().encode('hello'), {
      author: ANN,
    });
    // Act
    const listed = await wiki.listAttachments('Foo/Bar Baz');
    const read = await wiki.readAttachment('Foo/Bar Baz', 'notes.txt');
    const deleted = await wiki.deleteAttachment('Foo/Bar Baz', 'notes.txt', { author: BOB });
    // Assess
    expect(listed).toEqual([
      { filename: 'notes.txt', size: 5, mimeType: 'text/plain', updated: expect.any(String), revision },
    ]);
    expect(new TextDecoder().decode(read.bytes)).toBe('hello');
    expect(deleted.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(await wiki.listAttachments('Foo/Bar Baz')).toEqual([]);
    expect(git(dir, 'log', '-1', '--format=%an|%s')).toBe('Bob Builder|Delete attachment notes.txt of Foo/Bar Baz\n');
    await expect(wiki.readAttachment('Foo/Bar Baz', 'notes.txt')).rejects.toThrow(AttachmentNotFoundError);
    fsck(dir);
  });

  it('makes file names safe and finds them again by the name given', async () => {
    expect(attachmentFilename('../../etc/My Report.pdf')).toBe('My_Report.pdf');
    expect(attachmentFilename('café.txt')).toBe('cafe.txt');
    expect(() => attachmentFilename('...')).toThrow(InvalidArgumentError);
    expect(() => attachmentFilename('evil.md')).toThrow(InvalidArgumentError);
    const result = await wiki.writeAttachment('Foo/Bar Baz', 'My Report.pdf', PNG, { author: ANN });
    expect(result.filename).toBe('My_Report.pdf');
    expect((await wiki.readAttachment('Foo/Bar Baz', 'My Report.pdf')).filename).toBe('My_Report.pdf');
  });

  it('refuses a missing page, an oversized file, and moves attachments with a renamed page', async () => {
    await expect(wiki.writeAttachment('Nope', 'a.txt', PNG, { author: ANN })).rejects.toThrow(PageNotFoundError);
    await expect(
      wiki.writeAttachment('Foo/Bar Baz', 'a.bin', new Uint8Array(MAX_ATTACHMENT_BYTES + 1), { author: ANN }),
    ).rejects.toThrow(AttachmentTooLargeError);
    await wiki.writeAttachment('Foo/Bar Baz', 'a.txt', PNG, { author: ANN });
    await wiki.renamePage('Foo/Bar Baz', 'Moved', { author: ANN });
    expect((await wiki.listAttachments('Moved')).map((a) => a.filename)).toEqual(['a.txt']);
  });
});

describe('the rules otterwiki-api enforces', () => {
  it('refuses to replace a page without a revision when asked to, and allows creating one', async () => {
    const head = await wiki.head();
    await expect(wiki.writePage('Foo/Bar Baz', 'x', { author: ANN, requireBaseRevision: true })).rejects.toThrow(
      RevisionRequiredError,
    );
    await expect(wiki.writePage('New', 'x', { author: ANN, requireBaseRevision: true })).resolves.toMatchObject({
      created: true,
    });
    await expect(
      wiki.writePage('Foo/Bar Baz', 'x', { author: ANN, requireBaseRevision: true, baseRevision: head }),
    ).resolves.toMatchObject({
      changed: true,
    });
  });

  it('refuses an edit that changes nothing and a rename onto the same page', async () => {
    await expect(wiki.editPage('Foo/Bar Baz', 'Bar', 'Bar', { author: ANN })).rejects.toThrow(InvalidArgumentError);
    await expect(wiki.renamePage('Foo/Bar Baz', 'foo/bar baz', { author: ANN })).rejects.toThrow(InvalidArgumentError);
  });
});
