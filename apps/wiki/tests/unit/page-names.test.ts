import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  InvalidPathError,
  normalizePagePath,
  pageDisplayName,
  pageFileName,
  pageRouteConflict,
} from '@wikibot/wiki-core';
import { route } from '../../src/router.js';
import { pageHref } from '../../src/views/urls.js';
import { API_KEY, ORIGIN, git, openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';

describe('page names in the router (one decision in wiki-core)', () => {
  // Words that are routes somewhere in the URL scheme, mixed with ordinary ones.
  const word = fc.constantFrom(
    'edit',
    'Edit',
    'save',
    'history',
    'diff',
    'blame',
    'attachments',
    'revision',
    'a',
    'api',
    'API',
    'v1',
    'mcp',
    'MCP',
    '-',
    'Home',
    'Guide',
    'page',
    'x',
    'static',
    'healthz',
    'otter',
    'Crème',
    '中文',
    '😀',
    'a b',
  );
  const names = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join('/'));

  it.each([false, true])("opens every accepted name at its shown name's URL (retain case %j)", (retainCase) => {
    fc.assert(
      fc.property(names, (name) => {
        if (pageRouteConflict(name, { retainCase }) !== null) return;
        // Act
        const shown = pageDisplayName(pageFileName(name, { retainCase }), { retainCase });
        const target = route(pageHref(shown));
        // Assess
        expect(target).toEqual({ kind: 'page', path: shown, action: 'view' });
        expect(normalizePagePath(shown).toLowerCase()).toBe(normalizePagePath(name).toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['x/edit', 'api/v1/pages', 'Notes/revision/abc', '-/search', 'x/a/photo.png'])(
    'refuses %j, whose URL is another route',
    (name) => {
      // Assess: the router would not show it as a page view of itself
      expect(route(pageHref(name))).not.toEqual({ kind: 'page', path: name, action: 'view' });
      expect(pageRouteConflict(name)).not.toBeNull();
    },
  );

  // Otterwiki's page URLs (its views.py), wikibot's, and some that are not actions at all.
  const words = [
    'edit',
    'save',
    'history',
    'diff',
    'blame',
    'attachments',
    'attachment',
    'rename',
    'delete',
    'preview',
    'source',
    'view',
    'draft',
    'inline_attachment',
    'revision',
    'revert',
    'a',
    't',
    'raw',
    'print',
    'page',
    'Edit',
    'HISTORY',
  ];

  it.each(words)('reserves "%s" in wiki-core if the router reads it as an action', (word) => {
    // Act
    const asLast = route(`/x/${word}`);
    const asArgument = route(`/x/${word}/y`);
    // Assess
    const isView = (target: unknown, path: string) =>
      JSON.stringify(target) === JSON.stringify({ kind: 'page', path, action: 'view' });
    const lastIsAction = !isView(asLast, `x/${word}`);
    const takesArgument = !isView(asArgument, `x/${word}/y`);
    if (lastIsAction) expect(pageRouteConflict(`x/${word}`)).not.toBeNull();
    if (takesArgument) expect(pageRouteConflict(`x/${word}/y`)).not.toBeNull();
  });

  it('refuses "mcp" as a shown name, which the router keeps for the MCP endpoint', () => {
    expect(route(pageHref('mcp/notes'))).toEqual({ kind: 'reserved' });
    expect(pageRouteConflict('mcp/notes', { retainCase: true })).not.toBeNull();
    expect(() => normalizePagePath('mcp/notes')).not.toThrow(InvalidPathError);
  });
});

describe('page names over REST and in the browser', () => {
  let t: TestWiki;
  let alice: Browser;
  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn('alice@example.com', 'Alice');
  });
  afterAll(() => t.close());

  const put = (path: string, body: unknown) =>
    t.app.fetch(
      new Request(`${ORIGIN}/api/v1/pages/${path}`, {
        method: 'PUT',
        body: JSON.stringify(body),
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      }),
    );

  it('answers 400, never 201, to a stale write through "X.md.md.md", and X stays as it was', async () => {
    // Prepare
    const first = (await (await put('X', { content: 'one' })).json()) as { revision: string };
    await put('X', { content: 'two', revision: first.revision });
    // Act
    const response = await put('X.md.md.md', { content: 'three', revision: first.revision });
    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: expect.stringMatching(/may not end with "\.md"/) });
    expect(await git(t.dir, 'show', 'HEAD:x.md')).toBe('two');
  });

  it('shows names as An Otter Wiki does', async () => {
    // Act
    const response = await put('guide/test-page', { content: 'No heading.' });
    // Assess
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ path: 'Guide/Test-Page', name: 'Test-Page' });
  });

  it('refuses a page named like a route with a 400 that says why', async () => {
    // Act
    const response = await put('x/edit', { content: 'hidden' });
    // Assess
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/"x\/edit" is not allowed: .*edit action of x/);
  });

  it("refuses the same name in the browser's create form, before opening the editor", async () => {
    // Act
    const response = await t.get(`/-/create?name=${encodeURIComponent('x/edit')}`, { browser: alice });
    // Assess
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/edit action of x/);
  });

  it('refuses it when the browser saves it all the same', async () => {
    // Act: /x/edit/save is the save action of page "x/edit"
    const form = { csrf: alice.csrf, base: '', content: 'hidden' };
    const response = await t.postForm('/x/edit/save', form, { browser: alice });
    // Assess
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/edit action of x/);
    expect(await t.wiki.exists('x/edit')).toBe(false);
  });
});
