/**
 * otterwiki-mcp's tool calls, made the way a prompt written for it makes them, through the MCP SDK client over
 * HTTP (local API Gateway, OAuth via the AuthKit stand-in) against a real git repository.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startMcpStack, type McpStack } from '../helpers/stack.js';

describe('otterwiki-mcp-style tool calls', () => {
  let stack: McpStack;
  let ada: Client;
  beforeAll(async () => {
    stack = await startMcpStack({ writers: ['ada@example.com'] });
    ({ client: ada } = await stack.signIn('ada@example.com', 'Ada Lovelace'));
  });
  afterAll(() => stack.close());
  const call = (name: string, args?: Record<string, unknown>) => stack.call(ada, name, args);
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: stack.wikiDir, encoding: 'utf8' });
  const revisionOf = async (path: string): Promise<string> =>
    /^Revision: ([0-9a-f]{40})$/m.exec((await call('read_note', { path })).text)![1]!;

  it('needs the current revision to update a page: missing → refused, stale or made up → conflict naming the current one', async () => {
    // Prepare
    const created = await call('write_note', {
      path: 'Actors/Iran',
      content: '---\ncategory: actor\n---\n# Iran\n\nFirst.\n',
    });
    const first = await revisionOf('Actors/Iran');
    await call('edit_note', { path: 'Actors/Iran', revision: first, old_string: 'First.', new_string: 'Second.' });
    const current = await revisionOf('Actors/Iran');
    // Act
    const missing = await call('write_note', { path: 'Actors/Iran', content: 'blind overwrite' });
    const stale = await call('write_note', { path: 'Actors/Iran', content: 'stale overwrite', revision: first });
    const madeUp = await call('write_note', {
      path: 'Actors/Iran',
      content: 'made-up overwrite',
      revision: 'deadbeefdeadbeef',
    });
    const updated = await call('write_note', {
      path: 'Actors/Iran',
      content: '# Iran\n\nThird.\n',
      revision: current.slice(0, 8),
    });
    // Assess
    expect(created.text).toMatch(/^Created Actors\/Iran \(revision: [0-9a-f]{40}\)$/);
    expect(missing).toEqual({
      isError: true,
      text: expect.stringMatching(/^Conflict: Revision required when updating an existing page/),
    });
    expect(stale).toEqual({ isError: true, text: expect.stringContaining(`Revision mismatch`) });
    expect(stale.text).toContain(`current revision is ${current}`);
    expect(stale.text).toContain('Read the page again');
    expect(madeUp.isError).toBe(true);
    expect(updated.text).toMatch(/^Updated Actors\/Iran \(revision: [0-9a-f]{40}\)$/);
    expect(git('show', 'HEAD:actors/iran.md')).toBe('# Iran\n\nThird.\n');
  });

  it('reads one section by title or path, lists the choices otherwise, and shows who links here', async () => {
    // Prepare
    const content = '# Doc\n## History\n### Background\nBackground content.\n## Other\nOther content.\n';
    await call('write_note', { path: 'Doc', content });
    await call('write_note', { path: 'Index', content: 'See [[The doc|Doc]].\n' });
    // Act
    const whole = await call('read_note', { path: 'Doc', section: '' });
    const byPath = await call('read_note', { path: 'Doc', section: 'History > Background' });
    const byTitle = await call('read_note', { path: 'Doc', section: 'background' });
    const unknown = await call('read_note', { path: 'Doc', section: 'Nope' });
    const noHeadings = await call('read_note', { path: 'Index', section: 'Anything' });
    // Assess
    expect(whole.text).toContain('Linked from: Index');
    expect(whole.text).toContain('Other content.');
    expect(byPath.text).toContain('Section: Doc > History > Background');
    expect(byPath.text).toContain('Background content.');
    expect(byPath.text).not.toContain('## Other');
    expect(byPath.text).not.toContain('Linked from');
    expect(byTitle.text).toContain('Background content.');
    expect(unknown).toEqual({
      isError: true,
      text: expect.stringContaining("Section not found: 'Nope'. Available sections:\n  - Doc\n"),
    });
    expect(noHeadings.text).toMatch(/no sections/i);
  });

  it('edits with old_string/new_string, refusing an edit that changes nothing or is ambiguous', async () => {
    // Prepare
    await call('write_note', { path: 'Twice', content: 'x and x\n' });
    const revision = await revisionOf('Twice');
    // Act
    const same = await call('edit_note', { path: 'Twice', revision, old_string: 'and', new_string: 'and' });
    const ambiguous = await call('edit_note', { path: 'Twice', revision, old_string: 'x', new_string: 'y' });
    const shortRevision = await call('edit_note', {
      path: 'Twice',
      revision: 'abc',
      old_string: 'and',
      new_string: 'or',
    });
    const edited = await call('edit_note', {
      path: 'Twice',
      revision: revision.slice(0, 7),
      old_string: 'and',
      new_string: 'or',
    });
    // Assess
    expect(same.isError).toBe(true);
    expect(same.text).toMatch(/identical/);
    expect(ambiguous).toEqual({ isError: true, text: expect.stringContaining('ambiguous') });
    expect(shortRevision).toEqual({
      isError: true,
      text: expect.stringContaining('revision must be the 7 to 40 hex digits'),
    });
    expect(edited.text).toMatch(/^Edited Twice \(revision: [0-9a-f]{40}\)$/);
  });

  it('refuses an argument the tool does not take instead of dropping it', async () => {
    const result = await call('write_note', { path: 'Typo', content: 'x', revison: 'abc1234' });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/revison/);
    expect(git('log', '--format=%s')).not.toContain('Typo');
  });

  it('lists tools with closed input schemas and output schemas, and returns structured content', async () => {
    // Act
    const { tools } = await ada.listTools();
    const read = (await ada.callTool({ name: 'read_note', arguments: { path: 'Doc' } })) as {
      structuredContent?: Record<string, unknown>;
    };
    // Assess
    expect(tools.every((t) => t.inputSchema.additionalProperties === false)).toBe(true);
    expect(tools.filter((t) => !t.outputSchema).map((t) => t.name)).toEqual(['download_attachment']);
    expect(
      tools.every((t) => /\[\[Label\|Page\]\]/.test(t.description ?? '') || !/link/i.test(t.description ?? '')),
    ).toBe(true);
    expect(read.structuredContent).toMatchObject({
      name: 'Doc',
      path: 'Doc',
      linked_from: ['Index'],
      revision: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
  });

  it('uploads, lists, downloads and deletes attachments in the page directory, one commit each', async () => {
    // Prepare
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    // Act
    const uploaded = await call('upload_attachment', {
      path: 'Actors/Iran',
      filename: 'map of iran.png',
      content: bytes.toString('base64'),
      commit_message: 'Add map',
    });
    const listed = await call('list_attachments', { path: 'Actors/Iran' });
    const downloaded = await call('download_attachment', { path: 'Actors/Iran', filename: 'map_of_iran.png' });
    const tree = git('ls-tree', '-r', '--name-only', 'HEAD');
    const author = git('log', '-1', '--format=%an <%ae>|%s');
    const deleted = await call('delete_attachment', { path: 'Actors/Iran', filename: 'map_of_iran.png' });
    const missing = await call('download_attachment', { path: 'Actors/Iran', filename: 'map_of_iran.png' });
    const badBase64 = await call('upload_attachment', {
      path: 'Actors/Iran',
      filename: 'x.bin',
      content: 'not base64!',
    });
    const noPage = await call('upload_attachment', { path: 'Nowhere', filename: 'x.bin', content: 'AAAA' });
    // Assess
    expect(uploaded.text).toMatch(
      /^Uploaded map_of_iran\.png to Actors\/Iran \(8 bytes\) \(revision: [0-9a-f]{40}\) at \/Actors\/Iran\/a\/map_of_iran\.png$/,
    );
    expect(tree).toContain('actors/iran/map_of_iran.png');
    expect(author).toBe('Ada Lovelace <ada@example.com>|Add map\n');
    expect(listed.text).toMatch(
      /^Attachments for Actors\/Iran \(1\):\n\n- map_of_iran\.png \(8 bytes, image\/png, modified /,
    );
    expect(downloaded.text.split('\n')).toEqual([
      'Downloaded map_of_iran.png (8 bytes, image/png)',
      'Content (base64):',
      bytes.toString('base64'),
    ]);
    expect(deleted.text).toMatch(/^Deleted attachment map_of_iran\.png/);
    expect(missing).toEqual({ isError: true, text: expect.stringContaining('Attachment not found') });
    expect(badBase64).toEqual({ isError: true, text: expect.stringContaining('not valid base64') });
    expect(noPage).toEqual({ isError: true, text: expect.stringContaining('Page not found') });
    execFileSync('git', ['fsck', '--strict', '--no-dangling'], { cwd: stack.wikiDir });
  });

  it('round-trips the largest attachment (4 MiB) within one 6 MB Lambda payload each way', async () => {
    // Prepare
    const bytes = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 997) bytes[i] = i % 251;
    const uploadBody = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: {
        name: 'upload_attachment',
        arguments: { path: 'Actors/Iran', filename: 'max.bin', content: bytes.toString('base64') },
      },
    });
    // Act
    const uploaded = await call('upload_attachment', {
      path: 'Actors/Iran',
      filename: 'max.bin',
      content: bytes.toString('base64'),
    });
    const downloaded = (await ada.callTool({
      name: 'download_attachment',
      arguments: { path: 'Actors/Iran', filename: 'max.bin' },
    })) as { content: { text: string }[] };
    // Assess
    expect(uploaded.isError).toBe(false);
    expect(Buffer.from(downloaded.content[0]!.text.split('\n')[2]!, 'base64').equals(bytes)).toBe(true);
    // Lambda's synchronous limit is 6,291,456 bytes including the event or result around the body.
    expect(Buffer.byteLength(uploadBody)).toBeLessThan(6_000_000);
    expect(Buffer.byteLength(JSON.stringify({ jsonrpc: '2.0', id: 1, result: downloaded }))).toBeLessThan(6_000_000);
  });

  it('refuses an attachment over 4 MiB with the limit, and renaming a page onto itself', async () => {
    const big = Buffer.alloc(4 * 1024 * 1024 + 3).toString('base64');
    const tooBig = await call('upload_attachment', { path: 'Actors/Iran', filename: 'big.bin', content: big });
    const self = await call('rename_note', { path: 'Twice', new_path: 'twice' });
    expect(tooBig).toEqual({ isError: true, text: expect.stringContaining('the limit is 4194304 bytes') });
    expect(self).toEqual({ isError: true, text: expect.stringContaining('same as the current path') });
  });
});
