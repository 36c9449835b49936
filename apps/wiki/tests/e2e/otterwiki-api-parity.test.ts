/**
 * otterwiki-api's behaviour, scenario by scenario (written from its test suite, not copied), over real HTTP
 * against a real git repository: what a script or MCP server written for the plugin sees.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiServer, type ApiServer } from '../helpers/api-over-http.js';

const KEY = 'parity-api-key-0123456789abcdef';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('/api/v1 as otterwiki-api (over HTTP)', () => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer(KEY);
  });
  afterAll(() => server.close());

  const request = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = { authorization: `Bearer ${KEY}` },
  ) => {
    const response = await fetch(`${server.origin}/api/v1${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json, headers: response.headers };
  };
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: server.dir, encoding: 'utf8' });
  const create = async (path: string, content: string) => (await request('PUT', `/pages/${path}`, { content })).body;
  const revisionOf = async (path: string): Promise<string> => (await request('GET', `/pages/${path}`)).body.revision;

  describe('auth', () => {
    it('answers health without a key and refuses everything else without a valid one', async () => {
      expect(await request('GET', '/health', undefined, {})).toMatchObject({ status: 200, body: { status: 'ok' } });
      const missing = await request('GET', '/pages', undefined, {});
      expect(missing.status).toBe(401);
      expect(missing.body.error).toEqual(expect.any(String));
      expect((await request('GET', '/pages', undefined, { authorization: 'Basic abc' })).status).toBe(401);
      expect((await request('GET', '/pages', undefined, { authorization: 'Bearer wrong-key' })).status).toBe(401);
      expect((await request('GET', '/pages')).status).toBe(200);
    });
  });

  describe('pages', () => {
    it('creates with 201 and reads back the raw content, frontmatter, links and last commit', async () => {
      const created = await request('PUT', '/pages/fm-read', {
        content: '---\ntitle: My Page\ntags: [api, test]\n---\nBody text, see [[Other]].\n',
      });
      const read = await request('GET', '/pages/fm-read');
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'My Page',
        created: true,
        revision: expect.stringMatching(/^[0-9a-f]{40}$/),
      });
      expect(read.status).toBe(200);
      expect(read.body.content.startsWith('---')).toBe(true);
      expect(read.body.frontmatter).toEqual({ title: 'My Page', tags: ['api', 'test'] });
      expect(read.body.links_to).toEqual(['Other']);
      expect(read.body.last_commit).toMatchObject({
        revision: read.body.revision,
        author: expect.any(String),
        date: expect.any(String),
        message: '[api] Create: fm-read',
      });
      expect((await request('GET', '/pages/does-not-exist')).status).toBe(404);
    });

    it('needs the current revision to overwrite: missing or empty → 409, stale → 409 with it, short → 422', async () => {
      const { revision } = await create('update-test', 'Version 1');
      await request('PUT', '/pages/update-test', { content: 'Version 2', revision });
      const missing = await request('PUT', '/pages/update-test', { content: 'blind' });
      const empty = await request('PUT', '/pages/update-test', { content: 'blind', revision: '' });
      const stale = await request('PUT', '/pages/update-test', { content: 'stale', revision });
      const short = await request('PUT', '/pages/update-test', { content: 'x', revision: 'abc' });
      expect(missing.status).toBe(409);
      expect(missing.body.error).toContain('Revision required');
      expect(missing.body.current_revision).toBeUndefined();
      expect(empty.status).toBe(409);
      expect(stale.status).toBe(409);
      expect(stale.body.error).toContain('Revision mismatch');
      expect(stale.body.current_revision).toBe(await revisionOf('update-test'));
      expect(short.status).toBe(422);
      expect(short.body.error).toContain('at least 7');
      expect((await request('GET', '/pages/update-test')).body.content).toBe('Version 2');
    });

    it('deletes (then 404), refuses a body without content, and nests paths', async () => {
      await create('delete-me', 'bye');
      expect((await request('DELETE', '/pages/delete-me')).body).toMatchObject({ deleted: true });
      expect((await request('GET', '/pages/delete-me')).status).toBe(404);
      expect((await request('DELETE', '/pages/delete-me')).status).toBe(404);
      expect((await request('PUT', '/pages/no-content', { title: 'x' })).status).toBe(422);
      expect((await request('PUT', '/pages/Projects/My Project', { content: 'nested' })).status).toBe(201);
      expect((await request('GET', '/pages/projects/my project')).body.content).toBe('nested');
    });
  });

  describe('edit (PATCH)', () => {
    it('replaces the one occurrence with a 7-character revision and refuses what the plugin refuses', async () => {
      const { revision } = await create('patch-test', 'Hello world, hello x, hello x');
      const edited = await request('PATCH', '/pages/patch-test', {
        revision: revision.slice(0, 7),
        old_string: 'Hello world',
        new_string: 'Goodbye world',
      });
      const stale = await request('PATCH', '/pages/patch-test', { revision, old_string: 'Goodbye', new_string: 'Hi' });
      const now = edited.body.revision as string;
      const cases: [Json, number, string][] = [
        [{ revision: now, old_string: 'nowhere', new_string: 'x' }, 422, 'not found'],
        [{ revision: now, old_string: 'hello x', new_string: 'y' }, 422, 'ambiguous'],
        [{ revision: now, old_string: 'world' }, 422, 'new_string'],
        [{ revision: now, old_string: 'world', new_string: 'world' }, 422, 'identical'],
        [{ revision: '', old_string: 'world', new_string: 'x' }, 422, 'at least 7'],
        [{ revision: 'abc', old_string: 'world', new_string: 'x' }, 422, 'at least 7'],
        [{ revision: now, old_string: '', new_string: 'x' }, 422, 'empty'],
      ];
      expect(edited.status).toBe(200);
      expect(edited.body.revision).not.toBe(revision);
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ error: expect.stringContaining('Revision mismatch'), current_revision: now });
      for (const [body, status, words] of cases) {
        const answer = await request('PATCH', '/pages/patch-test', body);
        expect([answer.status, answer.body.error]).toEqual([status, expect.stringContaining(words)]);
      }
      expect((await request('PATCH', '/pages/nope', { revision: now, old_string: 'a', new_string: 'b' })).status).toBe(
        404,
      );
      expect((await request('GET', '/pages/patch-test')).body.content).toBe('Goodbye world, hello x, hello x');
    });

    it("uses a caller's commit message as is, else an [api] one", async () => {
      const { revision } = await create('patch-msg', 'one two');
      await request('PATCH', '/pages/patch-msg', {
        revision,
        old_string: 'two',
        new_string: 'three',
        commit_message: '[mcp] custom edit message',
      });
      const history = (await request('GET', '/pages/patch-msg/history')).body.history as Json[];
      expect(history.map((h) => h.message)).toEqual(['[mcp] custom edit message', '[api] Create: patch-msg']);
    });
  });

  describe('listing, history, search, links, changelog', () => {
    it('lists with prefix, tag, category and date filters', async () => {
      await create('Docs/Intro', '---\ncategory: docs\ntags: [guide]\n---\nIntro');
      await create('Docs/Advanced', '---\ntags: [guide]\n---\nAdvanced');
      await create('Blog/First Post', '---\ncategory: blog\n---\nPost');
      const paths = async (query: string) =>
        ((await request('GET', `/pages${query}`)).body.pages as Json[]).map((p) => p.path).sort();
      const all = (await request('GET', '/pages')).body;
      expect(Object.keys(all.pages[0]).sort()).toEqual(
        expect.arrayContaining(['name', 'path', 'category', 'tags', 'last_updated', 'content_length']),
      );
      expect(all.total).toBe(all.pages.length);
      expect(await paths('?prefix=docs/')).toEqual(['Docs/Advanced', 'Docs/Intro']);
      expect(await paths('?tag=guide')).toEqual(['Docs/Advanced', 'Docs/Intro']);
      expect(await paths('?category=blog')).toEqual(['Blog/First Post']);
      expect((await paths('?updated_since=2000-01-01')).length).toBe(all.total);
      expect(await paths('?updated_since=2099-01-01')).toEqual([]);
      expect((await request('GET', '/pages?updated_since=not-a-date')).status).toBe(422);
    });

    it('gives history with a limit, 404 for a page without one, and reads old revisions', async () => {
      const { revision } = await create('hist-page', 'Original content');
      await request('PUT', '/pages/hist-page', { content: 'Updated content', revision });
      const history = (await request('GET', '/pages/hist-page/history')).body.history as Json[];
      expect(history).toHaveLength(2);
      expect(history[0]).toEqual({
        revision: expect.any(String),
        author: expect.any(String),
        date: expect.any(String),
        message: expect.any(String),
      });
      expect((await request('GET', '/pages/hist-page/history?limit=1')).body.history).toHaveLength(1);
      expect((await request('GET', '/pages/no-page/history')).status).toBe(404);
      expect((await request('GET', `/pages/hist-page?revision=${revision}`)).body.content).toBe('Original content');
      expect((await request('GET', '/pages/hist-page?revision=0000000000000000000000000000000000000000')).status).toBe(
        404,
      );
    });

    it('searches with positive scores, best first, and needs q', async () => {
      await create('fox-one', 'The quick brown fox jumps');
      await create('fox-two', 'fox fox fox, a brown fox');
      const found = (await request('GET', '/search?q=brown+fox')).body;
      const scores = (found.results as Json[]).map((r) => r.score as number);
      expect(found.total).toBeGreaterThanOrEqual(2);
      expect(found.results[0]).toEqual(
        expect.objectContaining({ name: expect.any(String), path: expect.any(String), snippet: expect.any(String) }),
      );
      expect(scores.every((s) => s > 0)).toBe(true);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect((await request('GET', '/search?q=')).status).toBe(422);
      expect((await request('GET', '/search?q=xyznonexistent')).body.total).toBe(0);
    });

    it('answers links of a page and the whole graph, kept up to date by edits', async () => {
      const { revision } = await create('link-source', 'See [[Target Page]] and [[Label|Another]].');
      expect((await request('GET', '/links/link-source')).body.links_to).toEqual(['Target Page', 'Another']);
      expect((await request('GET', '/links/another')).body.linked_from).toEqual(['Link-Source']);
      await request('PUT', '/pages/link-source', { content: 'Now [[NewTarget]].', revision });
      expect((await request('GET', '/links/link-source')).body.links_to).toEqual(['Newtarget']);
      const graph = (await request('GET', '/links')).body;
      expect(graph.nodes).toEqual(expect.arrayContaining(['Link-Source', 'Newtarget']));
      expect(graph.edges).toEqual(expect.arrayContaining([{ source: 'Link-Source', target: 'Newtarget' }]));
    });

    it('lists recent changes with the pages affected, limited', async () => {
      const changes = (await request('GET', '/changelog?limit=2')).body;
      expect(changes.entries).toHaveLength(2);
      expect(changes.entries[0]).toEqual(
        expect.objectContaining({
          revision: expect.any(String),
          author: expect.any(String),
          pages_affected: ['Link-Source'],
        }),
      );
    });
  });

  describe('rename', () => {
    it('renames, rewrites backreferences in the same commit, and refuses the same path, a taken one or none', async () => {
      await create('Old Name', 'Hello world');
      await create('Linker', 'Go to [[Old Name]] or [[Label|Old Name#part]].');
      await create('Taken', 'x');
      const renamed = await request('POST', '/pages/old name/rename', { new_path: 'new name' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ old_path: 'Old Name', new_path: 'New Name', updated_pages: ['Linker'] });
      expect((await request('GET', '/pages/linker')).body.content).toBe(
        'Go to [[New Name]] or [[Label|New Name#part]].',
      );
      expect(await revisionOf('Linker')).toBe(renamed.body.revision);
      expect(git('log', '-1', '--format=%s')).toBe('[api] Rename: old name -> new name\n');
      const same = await request('POST', '/pages/New Name/rename', { new_path: 'new name' });
      expect([same.status, same.body.error]).toEqual([422, expect.stringContaining('same')]);
      expect((await request('POST', '/pages/New Name/rename', { new_path: 'Taken' })).status).toBe(409);
      expect((await request('POST', '/pages/New Name/rename', {})).status).toBe(422);
      expect((await request('POST', '/pages/Nothing/rename', { new_path: 'X' })).status).toBe(404);
    });
  });

  describe('attachments', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');

    it('lists, uploads, downloads and deletes files in the page directory', async () => {
      await create('Attach Test', 'page');
      const empty = await request('GET', '/pages/attach test/attachments');
      const uploaded = await request('POST', '/pages/attach test/attachments', {
        filename: 'hello.txt',
        content: b64('hello'),
        commit_message: '[mcp] uploaded hello',
      });
      const listed = await request('GET', '/pages/Attach Test/attachments');
      const downloaded = await request('GET', '/pages/Attach Test/attachments/hello.txt');
      expect(empty.body).toEqual({ attachments: [], total: 0, path: 'Attach Test' });
      expect(uploaded.status).toBe(201);
      expect(uploaded.body).toMatchObject({
        filename: 'hello.txt',
        path: 'Attach Test',
        size: 5,
        mime_type: 'text/plain',
      });
      expect(listed.body.attachments).toEqual([
        expect.objectContaining({
          filename: 'hello.txt',
          size: 5,
          mime_type: 'text/plain',
          last_modified: expect.any(String),
        }),
      ]);
      expect(Buffer.from(downloaded.body.content, 'base64').toString()).toBe('hello');
      expect(git('ls-tree', '-r', '--name-only', 'HEAD')).toContain('attach test/hello.txt\n');
      expect(git('log', '-1', '--format=%s')).toBe('[mcp] uploaded hello\n');
      const deleted = await request('DELETE', '/pages/Attach Test/attachments/hello.txt');
      expect(deleted.body).toMatchObject({ deleted: true, filename: 'hello.txt' });
      expect((await request('GET', '/pages/Attach Test/attachments')).body.total).toBe(0);
      expect(git('log', '-1', '--format=%s')).toBe('[api] Delete attachment: hello.txt\n');
    });

    it('refuses a missing page or file, missing fields, bad base64 and files over 4 MiB', async () => {
      const tooBig = await request('POST', '/pages/Attach Test/attachments', {
        filename: 'big.bin',
        content: Buffer.alloc(4 * 1024 * 1024 + 1).toString('base64'),
      });
      const overBody = await request(
        'POST',
        '/pages/Attach Test/attachments',
        JSON.stringify({ filename: 'x', content: 'A'.repeat(6_100_000) }),
      );
      expect((await request('GET', '/pages/Nowhere/attachments')).status).toBe(404);
      expect(
        (await request('POST', '/pages/Nowhere/attachments', { filename: 'a.txt', content: b64('x') })).status,
      ).toBe(404);
      expect((await request('POST', '/pages/Attach Test/attachments', { filename: 'a.txt' })).status).toBe(422);
      expect(
        (await request('POST', '/pages/Attach Test/attachments', { filename: 'a.txt', content: '%%%' })).status,
      ).toBe(422);
      expect([tooBig.status, tooBig.body.error]).toEqual([422, expect.stringMatching(/too large.*4194304 bytes/i)]);
      expect(overBody.status).toBe(413);
      expect((await request('GET', '/pages/Attach Test/attachments/none.txt')).status).toBe(404);
      expect((await request('DELETE', '/pages/Attach Test/attachments/none.txt')).status).toBe(404);
    });
  });
});

describe('attachments served by the wiki (a public wiki, over HTTP)', () => {
  let site: ApiServer;
  beforeAll(async () => {
    site = await startApiServer(KEY, 'public');
  });
  afterAll(() => site.close());
  const json = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
  const upload = (body: Json) =>
    fetch(`${site.origin}/api/v1/pages/Attach%20Test/attachments`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(body),
    });

  it('serves attachments at /<Page>/a/<file>: images inline, anything a browser could run as a download', async () => {
    await fetch(`${site.origin}/api/v1/pages/Attach%20Test`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ content: 'Diagram: ![diagram](./a/pic.png)\n' }),
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await upload({ filename: 'pic.png', content: png.toString('base64') });
    await upload({ filename: 'evil.html', content: Buffer.from('<script>alert(1)</script>').toString('base64') });
    await upload({
      filename: 'logo.svg',
      content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString(
        'base64',
      ),
    });
    const pic = await fetch(`${site.origin}/Attach%20Test/a/pic.png`);
    const html = await fetch(`${site.origin}/Attach%20Test/a/evil.html`);
    const svg = await fetch(`${site.origin}/attach%20test/a/logo.svg`);
    expect(pic.status).toBe(200);
    expect(Buffer.from(await pic.arrayBuffer())).toEqual(png);
    expect(pic.headers.get('content-type')).toBe('image/png');
    expect(pic.headers.get('content-disposition')).toMatch(/^inline/);
    for (const r of [pic, html, svg]) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    expect(html.headers.get('content-type')).toBe('application/octet-stream');
    expect(html.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-disposition')).toMatch(/^attachment/);
    expect((await fetch(`${site.origin}/Attach%20Test/a/none.png`)).status).toBe(404);
  });

  it('shows an image referenced relative to its page (./a/<file>, as An Otter Wiki does) inline', async () => {
    const html = await (await fetch(`${site.origin}/Attach%20Test`)).text();
    const src = /<img src="([^"]+)" alt="diagram"/.exec(html)?.[1];
    expect(src).toBe('/Attach%20Test/a/pic.png');
    const image = await fetch(`${site.origin}${src}`);
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);
  });
});
