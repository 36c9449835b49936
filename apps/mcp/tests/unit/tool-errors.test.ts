import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestIssuer, type TestIssuer } from '@wikibot/identity/testing';
import {
  ContentTooLargeError,
  EditConflictError,
  EditMatchError,
  InvalidPathError,
  PageExistsError,
  PageNotFoundError,
  AttachmentNotFoundError,
  RevisionNotFoundError,
  RevisionRequiredError,
  WikiBusyError,
} from '@wikibot/wiki-core';
import { createApp } from '../../src/index.js';
import { toolErrorText } from '../../src/tools/errors.js';
import { RESOURCE, tempDir, testConfig } from '../helpers/env.js';
import { callTool } from '../helpers/rpc.js';

describe('toolErrorText', () => {
  it.each([
    ['a missing page', new PageNotFoundError('Foo'), /Page not found: "Foo"\. Use write_note to create it/],
    ['a missing revision', new RevisionNotFoundError('abc123'), /Use get_history\(path\)/],
    [
      'a conflict',
      new EditConflictError('Foo', 'aaa', 'bbb'),
      /Conflict: Revision mismatch: .*current revision is bbb\. Read the page again .* retry edit_note/,
    ],
    [
      'a missing revision on update',
      new RevisionRequiredError('Foo', 'bbb'),
      /Conflict: Revision required when updating an existing page/,
    ],
    [
      'a missing attachment',
      new AttachmentNotFoundError('Foo', 'a.png'),
      /Attachment not found: "a.png" on Foo\. Use list_attachments/,
    ],
    ['text not found', new EditMatchError('x', 0), /old_string was not found/],
    ['ambiguous text', new EditMatchError('x', 3), /ambiguous: it occurs 3 times/],
    ['oversized content', new ContentTooLargeError(2_000_000, 1_048_576), /at most 1048576 bytes \(1 MB\)/],
    ['an existing target', new PageExistsError('Bar'), /Conflict: a page already exists at "Bar"/],
    ['an invalid path', new InvalidPathError('path must not be empty'), /Invalid page path: path must not be empty/],
    ['a busy wiki', new WikiBusyError(10_000), /busy with another write\. Try again in a few seconds/],
  ])('turns %s into actionable text', (_name, error, expected) => {
    expect(toolErrorText(error, 'edit_note')).toMatch(expected);
  });

  it('leaves unexpected errors to the generic message', () => {
    expect(toolErrorText(new TypeError('x is undefined'), 'read_note')).toBeUndefined();
  });
});

describe('a tool whose wiki cannot be opened', () => {
  let issuer: TestIssuer;
  let temp: { dir: string; remove: () => Promise<void> };
  beforeAll(async () => {
    issuer = await startTestIssuer();
    temp = await tempDir();
  });
  afterAll(async () => {
    await issuer.close();
    await temp.remove();
  });

  it('answers a tool error without a stack trace and logs the failure', async () => {
    // Prepare: the data directory is a regular file, so opening the repository really fails.
    const file = join(temp.dir, 'not-a-directory');
    await writeFile(file, 'x');
    const lines: string[] = [];
    const app = createApp(testConfig(issuer.issuer, { WIKI_DATA_DIR: file }), { log: (l) => lines.push(l) });
    const token = await issuer.sign({ sub: 'user_ada', aud: RESOURCE, email: 'ada@example.com' });
    // Act
    const result = await callTool(app, token, 'read_note', { path: 'Home' });
    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toBe(
      "The wiki could not complete read_note because of an internal error. Try again; if it keeps failing, tell the wiki's administrator.",
    );
    expect(lines.some((l) => JSON.parse(l).msg === 'tool read_note failed')).toBe(true);
    expect(lines.join('\n')).not.toContain(token);
  });
});

describe('the attachment limit the tools state', () => {
  it("is wiki-core's limit", async () => {
    const { MAX_ATTACHMENT_BYTES } = await import('@wikibot/wiki-core');
    const { uploadAttachment } = await import('../../src/tools/attachments.js');
    expect(uploadAttachment.description).toContain(`(${MAX_ATTACHMENT_BYTES} bytes`);
  });
});
