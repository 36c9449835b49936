import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { refusedTokens, startTestIssuer, type TestIssuer } from '@wikibot/identity/testing';
import { API_KEY, ORIGIN, git, openTestWiki, type TestWiki } from '../helpers/wiki-app.js';

describe('REST API /api/v1 (otterwiki-api compatible)', () => {
  let t: TestWiki;
  let issuer: TestIssuer;
  let writerToken: string;
  let outsiderToken: string;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    t = await openTestWiki({ AUTHKIT_DOMAIN: issuer.issuer });
    writerToken = await issuer.sign({
      sub: 'user_ada',
      aud: `${ORIGIN}/mcp`,
      email: 'ada@example.com',
      email_verified: true,
      name: 'Ada',
    });
    outsiderToken = await issuer.sign({
      sub: 'user_eve',
      aud: `${ORIGIN}/mcp`,
      email: 'eve@attacker.test',
      email_verified: true,
    });
  });
  afterAll(async () => {
    await t.close();
    await issuer.close();
  });

  const call = (
    method: string,
    path: string,
    init: { body?: string | Uint8Array; token?: string | null; headers?: Record<string, string> } = {},
  ) =>
    t.app.fetch(
      new Request(`${ORIGIN}/api/v1${path}`, {
        method,
        body: init.body,
        headers: {
          ...(init.token === null ? {} : { authorization: `Bearer ${init.token ?? API_KEY}` }),
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
      }),
    );
  const put = (path: string, body: unknown, token?: string) =>
    call('PUT', `/pages/${path}`, { body: JSON.stringify(body), token });

  it('answers health without credentials', async () => {
    const response = await call('GET', '/health', { token: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('creates a page with 201, updates it with 200, and commits with the message given', async () => {
    const created = await put('Notes/First', {
      content: '---\ncategory: Notes\ntags: [a]\n---\n# First\n\nSee [[Home]].\n',
      commit_message: 'api: create first',
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { path: string; revision: string; created: boolean; name: string };
    expect(body).toMatchObject({ path: 'Notes/First', created: true, name: 'First' });
    expect(body.revision).toMatch(/^[0-9a-f]{40}$/);
    const updated = await put('Notes/First', {
      content: '---\ncategory: Notes\ntags: [a]\n---\n# First\n\nSee [[Home]] again.\n',
      revision: body.revision,
    });
    expect(updated.status).toBe(200);
    const [latest, first] = (await git(t.dir, 'log', '-2', '--format=%an|%s')).trim().split('\n');
    expect(latest).toMatch(/^API key\|/);
    expect(first).toBe('API key|api: create first');
  });

  it('reads a page with content, frontmatter, links and revision, and at an old revision', async () => {
    const response = await call('GET', '/pages/notes/first');
    const page = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(page).toMatchObject({
      path: 'Notes/First',
      frontmatter: { category: 'Notes', tags: ['a'] },
      links_to: ['Home'],
      linked_from: [],
    });
    expect(page.content).toContain('again');
    const history = (await (await call('GET', '/pages/Notes/First/history?limit=5')).json()) as {
      history: { revision: string; author: string }[];
    };
    expect(history.history).toHaveLength(2);
    expect(history.history[0].author).toBe('API key');
    const old = (await (await call('GET', `/pages/Notes/First?revision=${history.history[1].revision}`)).json()) as {
      content: string;
    };
    expect(old.content).not.toContain('again');
  });

  it('refuses an update based on an old revision with 409 and the current revision', async () => {
    const history = (await (await call('GET', '/pages/Notes/First/history')).json()) as {
      history: { revision: string }[];
    };
    const stale = history.history[1].revision;
    const response = await put('Notes/First', { content: 'lost?', revision: stale });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'conflict', current_revision: history.history[0].revision });
    const viaIfMatch = await call('PUT', '/pages/Notes/First', {
      body: JSON.stringify({ content: 'lost?' }),
      headers: { 'if-match': `"${stale}"` },
    });
    expect(viaIfMatch.status).toBe(409);
  });

  it('lists pages with filters', async () => {
    await put('Other', { content: '# Other\n' });
    const all = (await (await call('GET', '/pages')).json()) as { pages: { path: string }[]; total: number };
    expect(all.pages.map((p) => p.path).sort()).toEqual(['Home', 'Notes/First', 'Other']);
    const byCategory = (await (await call('GET', '/pages?category=notes')).json()) as { pages: { path: string }[] };
    expect(byCategory.pages.map((p) => p.path)).toEqual(['Notes/First']);
    const byTag = (await (await call('GET', '/pages?tag=a')).json()) as { total: number };
    expect(byTag.total).toBe(1);
    const byPrefix = (await (await call('GET', '/pages?prefix=Notes')).json()) as { total: number };
    expect(byPrefix.total).toBe(1);
    const future = (await (await call('GET', '/pages?updated_since=2999-01-01')).json()) as { total: number };
    expect(future.total).toBe(0);
  });

  it('searches, lists the changelog and the link graph', async () => {
    const search = (await (await call('GET', '/search?q=again')).json()) as {
      results: { path: string; snippet: string }[];
      total: number;
    };
    expect(search.results[0].path).toBe('Notes/First');
    const changelog = (await (await call('GET', '/changelog?limit=2')).json()) as {
      entries: { pages_affected: string[] }[];
    };
    expect(changelog.entries).toHaveLength(2);
    expect(changelog.entries[0].pages_affected).toEqual(['Other']);
    const links = (await (await call('GET', '/links/Home')).json()) as { linked_from: string[] };
    expect(links.linked_from).toEqual(['Notes/First']);
    const graph = (await (await call('GET', '/links')).json()) as { edges: { source: string; target: string }[] };
    expect(graph.edges).toContainEqual({ source: 'Notes/First', target: 'Home' });
  });

  it('answers reads without credentials on a public wiki, but never writes', async () => {
    expect((await call('GET', '/pages/Home', { token: null })).status).toBe(200);
    expect((await call('DELETE', '/pages/Home', { token: null })).status).toBe(401);
  });

  it('deletes a page', async () => {
    const response = await call('DELETE', '/pages/Other');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ deleted: true, path: 'Other' });
    expect((await call('GET', '/pages/Other')).status).toBe(404);
  });

  it('writes with an AuthKit access token as the token user', async () => {
    const response = await put('By Token', { content: '# By token\n' }, writerToken);
    expect(response.status).toBe(201);
    expect(await git(t.dir, 'log', '-1', '--format=%an <%ae>')).toBe('Ada <ada@example.com>\n');
  });

  it.each<[string, () => Promise<Response>, number]>([
    ['GET missing page', () => call('GET', '/pages/Nope'), 404],
    ['GET missing page history', () => call('GET', '/pages/Nope/history'), 404],
    ['DELETE missing page', () => call('DELETE', '/pages/Nope'), 404],
    ['PUT without credentials', () => call('PUT', '/pages/X', { body: '{"content":"x"}', token: null }), 401],
    ['GET with a wrong API key, even on a public wiki', () => call('GET', '/pages/Home', { token: 'wrong-key' }), 401],
    ['PUT with a wrong API key', () => call('PUT', '/pages/X', { body: '{"content":"x"}', token: 'wrong-key' }), 401],
    [
      'PUT with a malformed Authorization header',
      () => call('PUT', '/pages/X', { body: '{"content":"x"}', headers: { authorization: 'Basic abc' } }),
      401,
    ],
    ['PUT by a user outside the policy', () => put('X', { content: 'x' }, outsiderToken), 403],
    ['PUT malformed JSON', () => call('PUT', '/pages/X', { body: '{"content":' }), 400],
    ['PUT a JSON array', () => call('PUT', '/pages/X', { body: '[]' }), 422],
    ['PUT without content', () => put('X', { commit_message: 'x' }), 422],
    ['PUT content that is not a string', () => put('X', { content: 42 }), 422],
    ['PUT with a malformed revision', () => put('X', { content: 'x', revision: 'zz' }), 422],
    ['PUT content over 1 MB', () => put('X', { content: 'x'.repeat(1_048_577) }), 413],
    [
      'PUT a body over the body limit',
      () => call('PUT', '/pages/X', { body: `{"content":"${'x'.repeat(5 * 1024 * 1024)}"}` }),
      413,
    ],
    [
      'PUT invalid UTF-8',
      () =>
        call('PUT', '/pages/X', {
          body: Buffer.concat([Buffer.from('{"content":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
        }),
      400,
    ],
    [
      'PUT as text/plain',
      () => call('PUT', '/pages/X', { body: '{"content":"x"}', headers: { 'content-type': 'text/plain' } }),
      415,
    ],
    ['PUT with a NUL byte in content', () => put('X', { content: 'a\u0000b' }), 400],
    ['PUT to a traversal path', () => call('PUT', '/pages/..%2F..%2Fetc%2Fpasswd', { body: '{"content":"x"}' }), 400],
    ['PUT to .git', () => call('PUT', '/pages/.git/config', { body: '{"content":"x"}' }), 400],
    ['GET an undecodable path', () => call('GET', '/pages/%E0%A4%A'), 400],
    ['GET a control character path', () => call('GET', '/pages/a%0Ab'), 400],
    ['GET search without q', () => call('GET', '/search'), 422],
    ['GET pages with a bad updated_since', () => call('GET', '/pages?updated_since=yesterday'), 422],
    ['GET changelog with a bad limit', () => call('GET', '/changelog?limit=-1'), 400],
    [
      'GET an unknown revision',
      () => call('GET', '/pages/Home?revision=0123456789abcdef0123456789abcdef01234567'),
      404,
    ],
    ['POST to pages', () => call('POST', '/pages', { body: '{}' }), 405],
    ['GET an unknown endpoint', () => call('GET', '/nope'), 404],
  ])('%s → %i with a JSON error', async (_name, send, status) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: string };
    expect(typeof body.error).toBe('string');
  });

  it('refuses every forged or misdirected token with 401', async () => {
    const tokens = await refusedTokens(issuer, { sub: 'user_ada', aud: `${ORIGIN}/mcp`, email: 'ada@example.com' });
    for (const [name, token] of tokens) {
      const response = await put('Forged', { content: name }, token);
      expect([name, response.status]).toEqual([name, 401]);
    }
    expect((await call('GET', '/pages/Forged')).status).toBe(404);
  });

  it('leaves the repository valid after all of that', async () => {
    await expect(git(t.dir, 'fsck', '--strict')).resolves.toBeDefined();
  });

  it('gives one person the same git author over the REST API and in the browser', async () => {
    // Act
    await put('Same/Api', { content: 'via REST' }, writerToken);
    const apiAuthor = (await git(t.dir, 'log', '-1', '--format=%an <%ae>')).trim();
    const ada = await t.signIn('ada@example.com', 'Ada');
    const saved = await t.postForm(
      '/Same/Browser/save',
      { csrf: ada.csrf, base: '', content: 'via browser' },
      { browser: ada },
    );
    const browserAuthor = (await git(t.dir, 'log', '-1', '--format=%an <%ae>')).trim();
    // Assess
    expect(saved.status).toBe(303);
    expect(apiAuthor).toBe('Ada <ada@example.com>');
    expect(browserAuthor).toBe(apiAuthor);
  });
});
