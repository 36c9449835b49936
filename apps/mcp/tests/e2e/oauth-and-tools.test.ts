import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { authorizeWithForms } from '@wikibot/authkit-standin';
import { startMcpStack, type McpStack } from '../helpers/stack.js';
import { TestOAuthProvider } from '@wikibot/authkit-standin/testing';

describe('MCP over OAuth against the AuthKit stand-in, on a real wiki', () => {
  let stack: McpStack;
  beforeAll(async () => {
    stack = await startMcpStack({
      writers: ['ada@example.com'],
      readers: ['@readers.example'],
      contact: 'wiki-admins@example.com',
    });
  });
  afterAll(() => stack.close());
  const signIn = (email: string, name: string) => stack.signIn(email, name);
  const call = (client: Client, name: string, args?: Record<string, unknown>) => stack.call(client, name, args);

  const git = (...args: string[]): string => execFileSync('git', args, { cwd: stack.wikiDir, encoding: 'utf8' });

  describe('sign-in', () => {
    let ada: Client;
    let provider: TestOAuthProvider;
    beforeAll(async () => {
      ({ client: ada, provider } = await signIn('ada@example.com', 'Ada Lovelace'));
    });

    it('asks for the resource with PKCE S256 and the advertised scopes', () => {
      const url = provider.authorizationUrl!;
      expect(url.origin).toBe(stack.authkit.issuer);
      expect(url.searchParams.get('resource')).toBe(`${stack.gateway.url}/mcp`);
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    });

    it('initializes with the access token', () => {
      expect(ada.getServerVersion()?.name).toBe('wikibot');
      expect(provider.tokens()?.access_token).toBeTruthy();
    });

    it('lists the sixteen tools with their annotations', async () => {
      const { tools } = await ada.listTools();
      expect(tools.map((t) => t.name)).toEqual([
        'read_note',
        'write_note',
        'edit_note',
        'list_notes',
        'search_notes',
        'semantic_search',
        'get_links',
        'get_recent_changes',
        'get_history',
        'rename_note',
        'delete_note',
        'find_orphaned_notes',
        'list_attachments',
        'upload_attachment',
        'download_attachment',
        'delete_attachment',
      ]);
      const byName = new Map(tools.map((t) => [t.name, t]));
      for (const name of [
        'read_note',
        'list_notes',
        'search_notes',
        'get_links',
        'get_history',
        'get_recent_changes',
        'find_orphaned_notes',
      ]) {
        expect(byName.get(name)?.annotations?.readOnlyHint).toBe(true);
      }
      expect(byName.get('delete_note')?.annotations?.destructiveHint).toBe(true);
      expect(byName.get('write_note')?.annotations?.readOnlyHint).toBe(false);
      expect(Object.keys(byName.get('edit_note')?.inputSchema.properties ?? {})).toEqual([
        'path',
        'revision',
        'old_string',
        'new_string',
        'commit_message',
      ]);
      expect(byName.get('list_notes')?.inputSchema.required ?? []).toEqual([]);
    });

    it('never logs the access token', () => {
      const token = provider.tokens()!.access_token;
      expect(stack.lines.length).toBeGreaterThan(0);
      expect(stack.lines.join('\n')).not.toContain(token);
    });

    describe('every tool on a real repository', () => {
      it('writes, reads, lists, searches and links pages', async () => {
        // Act
        const created = await call(ada, 'write_note', {
          path: 'Projects/Roadmap',
          content: '# Roadmap\n\nNext: see [[Ideas]].\n',
          commit_message: 'Add the roadmap',
        });
        const ideas = await call(ada, 'write_note', {
          path: 'Ideas',
          content: '---\ncategory: index\ntags: [plans]\n---\n# Ideas\n\nAlpha beta quokka.\n',
        });
        const read = await call(ada, 'read_note', { path: 'Projects/Roadmap' });
        const all = await call(ada, 'list_notes');
        const byPrefix = await call(ada, 'list_notes', { prefix: 'Projects/' });
        const byCategory = await call(ada, 'list_notes', {
          category: 'index',
          tag: 'plans',
          updated_since: '2000-01-01',
        });
        const search = await call(ada, 'search_notes', { query: 'quokka' });
        const links = await call(ada, 'get_links', { path: 'Ideas' });
        // Assess
        expect(created).toEqual({
          isError: false,
          text: expect.stringMatching(/^Created Projects\/Roadmap \(revision: [0-9a-f]{40}\)$/),
        });
        expect(ideas.text).toMatch(/^Created Ideas /);
        expect(read.isError).toBe(false);
        expect(read.text).toContain('# Roadmap');
        expect(read.text).toContain('Links to: Ideas');
        expect(read.text).toMatch(/Revision: [0-9a-f]{40}\nUpdated: .* by Ada Lovelace/);
        expect(all.text).toContain('- Projects/Roadmap (last updated: ');
        expect(all.text).toContain('- Ideas (category: index, tags: plans, last updated: ');
        expect(byPrefix.text).toContain('Projects/Roadmap');
        expect(byPrefix.text).not.toContain('- Ideas');
        expect(byCategory.text).toMatch(/^Found 1 notes matching category=index, tag=plans, updated since 2000-01-01:/);
        expect(byCategory.text).toContain('- Ideas');
        expect(search.text).toContain('1. Ideas (score: 1.00)');
        expect(links.text).toContain('Linked from (1):\n  - Projects/Roadmap');
      });

      it('edits a span, keeps history with revision ids, and reads an older revision', async () => {
        // Act
        const revision = /^Revision: ([0-9a-f]{40})$/m.exec((await call(ada, 'read_note', { path: 'Ideas' })).text)![1];
        const edited = await call(ada, 'edit_note', {
          path: 'Ideas',
          revision,
          old_string: 'Alpha beta',
          new_string: 'Alpha gamma',
          commit_message: 'Refine ideas',
        });
        const latest = /\(revision: ([0-9a-f]{40})\)/.exec(edited.text)![1];
        const missing = await call(ada, 'edit_note', {
          path: 'Ideas',
          revision: latest,
          old_string: 'no such text',
          new_string: 'x',
        });
        const history = await call(ada, 'get_history', { path: 'Ideas', limit: 5 });
        const revisions = [...history.text.matchAll(/^- ([0-9a-f]{40}) \|/gm)].map((m) => m[1]);
        const older = await call(ada, 'read_note', { path: 'Ideas', revision: revisions[1] });
        const recent = await call(ada, 'get_recent_changes', { limit: 3 });
        // Assess
        expect(edited.text).toMatch(/^Edited Ideas \(revision: [0-9a-f]{40}\)$/);
        expect(missing).toEqual({ isError: true, text: expect.stringContaining('old_string was not found') });
        expect(revisions).toHaveLength(2);
        expect(history.text).toContain('Refine ideas');
        expect(older.text).toContain('Alpha beta quokka');
        expect(older.text).toContain(`Revision: ${revisions[1]}`);
        expect(recent.text).toContain(`| ${revisions[0]}`);
        expect(recent.text).toContain('| Ideas |');
      });

      it('finds orphans, renames with link rewriting, and deletes', async () => {
        // Act
        const orphans = await call(ada, 'find_orphaned_notes');
        const renamed = await call(ada, 'rename_note', { path: 'Ideas', new_path: 'Plans/Ideas' });
        const roadmap = await call(ada, 'read_note', { path: 'Projects/Roadmap' });
        const deleted = await call(ada, 'delete_note', {
          path: 'Projects/Roadmap',
          commit_message: 'Drop the roadmap',
        });
        const gone = await call(ada, 'read_note', { path: 'Projects/Roadmap' });
        // Assess
        expect(orphans.text).toContain('- Projects/Roadmap');
        expect(orphans.text).not.toContain('- Ideas');
        expect(renamed.text).toMatch(
          /^Renamed Ideas -> Plans\/Ideas \(revision: [0-9a-f]{40}\)\nUpdated 1 backreferences:\n {2}- Projects\/Roadmap$/,
        );
        expect(roadmap.text).toContain('[[Plans/Ideas]]');
        expect(deleted.text).toMatch(/^Deleted Projects\/Roadmap \(revision: [0-9a-f]{40}\)$/);
        expect(gone).toEqual({ isError: true, text: expect.stringContaining('Use write_note to create it') });
      });

      it('refuses content over 1 MB, naming the limit', async () => {
        const result = await call(ada, 'write_note', { path: 'Big', content: 'x'.repeat(1024 * 1024 + 1) });
        expect(result.isError).toBe(true);
        expect(result.text).toMatch(/at most \d+ bytes \(1 MB\)/);
      });

      it('commits every write as the signed-in user with the MCP client as a trailer', () => {
        // Act
        const authors = git('log', '--format=%an <%ae>').trim().split('\n');
        const message = git('log', '-1', '--format=%B');
        // Assess: five writes by Ada (two creations, an edit, a rename, a delete) on top of the initial Home page.
        expect(authors).toHaveLength(6);
        expect(authors.slice(0, 5)).toEqual(Array(5).fill('Ada Lovelace <ada@example.com>'));
        expect(message).toContain('Drop the roadmap');
        // The client named itself in initialize; this container remembered it for the later stateless calls.
        expect(message).toContain('MCP-Client: wikibot-e2e');
      });
    });
  });

  it('gives a reader the read tools and refuses their writes as a tool error', async () => {
    const { client } = await signIn('rita@readers.example', 'Rita Reader');
    const read = await call(client, 'list_notes');
    const write = await call(client, 'write_note', { path: 'Rita', content: 'hello' });
    expect(read.isError).toBe(false);
    expect(write.isError).toBe(true);
    expect(write.text).toContain('not allowed to write this wiki. Ask wiki-admins@example.com for access.');
    expect(git('log', '--format=%ae')).not.toContain('rita@readers.example');
  });

  it('refuses a signed-in user outside the policy with 403 saying whom to ask', async () => {
    const provider = new TestOAuthProvider();
    const mcpUrl = new URL(`${stack.gateway.url}/mcp`);
    await expect(
      new Client({ name: 'x', version: '1' }).connect(
        new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }),
      ),
    ).rejects.toThrow(UnauthorizedError);
    const callback = await authorizeWithForms(provider.authorizationUrl!, {
      email: 'mallory@evil.example',
      name: 'Mallory',
    });
    const transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
    await transport.finishAuth(callback.searchParams.get('code')!);
    await expect(new Client({ name: 'x', version: '1' }).connect(transport)).rejects.toThrow(
      /access_denied.*mallory@evil.example is signed in but not allowed.*Ask wiki-admins@example.com/,
    );
  });
});
