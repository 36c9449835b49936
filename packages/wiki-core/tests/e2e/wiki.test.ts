import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  ContentTooLargeError,
  EditConflictError,
  EditMatchError,
  InvalidArgumentError,
  InvalidContentError,
  InvalidPathError,
  MAX_PAGE_BYTES,
  PageExistsError,
  PageNotFoundError,
  RevisionNotFoundError,
  Wiki,
} from '../../src/index.js';
import { ANN, BOB, fsck, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
let wiki: Wiki;

beforeEach(async () => {
  dir = makeTempDir();
  wiki = await Wiki.open({ dir, durable: false });
});
afterEach(() => removeDir(dir));

describe('a new wiki', () => {
  it('is an ordinary git repository on main with a Home page commit', async () => {
    // Assess
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
    expect(git(dir, 'show', 'HEAD:home.md')).toContain('# Home');
    expect(git(dir, 'log', '--format=%s').trim()).toBe('Create Home');
    expect((await wiki.readPage('home')).title).toBe('Home');
    fsck(dir);
  });

  it('opens an existing repository without a second initial commit', async () => {
    await Wiki.open({ dir });
    expect(git(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });
});

describe('writePage', () => {
  it('stores pages in the Otterwiki layout, one commit per write with the author and trailers', async () => {
    // Act
    const result = await wiki.writePage('Foo/Bar Baz', '# Bar Baz\n\nHello', {
      author: ANN,
      message: 'Add a page',
      trailers: { 'MCP-Client': 'claude-ai' },
    });
    // Assess
    expect(result).toMatchObject({ path: 'Foo/Bar Baz', created: true, changed: true });
    expect(git(dir, 'show', 'HEAD:foo/bar baz.md')).toBe('# Bar Baz\n\nHello');
    expect(git(dir, 'log', '-1', '--format=%an <%ae>|%s|%(trailers:key=MCP-Client,valueonly)').trim()).toBe(
      'Ann Author <ann@example.com>|Add a page|claude-ai',
    );
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(result.revision);
    expect(readFileSync(join(dir, 'foo/bar baz.md'), 'utf8')).toBe('# Bar Baz\n\nHello');
    fsck(dir);
  });

  it('finds a page case-insensitively and keeps its display path', async () => {
    await wiki.writePage('Foo/Bar Baz', 'text', { author: ANN });
    for (const path of ['Foo/Bar Baz', 'foo/bar baz', 'FOO/BAR BAZ.md']) {
      expect((await wiki.readPage(path)).path).toBe('Foo/Bar Baz');
    }
    expect(await wiki.exists('fOo/bAr bAz')).toBe(true);
    expect(await wiki.exists('nothing')).toBe(false);
  });

  it('makes no empty commit for unchanged content and reports the current revision', async () => {
    const first = await wiki.writePage('Page', 'same', { author: ANN });
    await wiki.writePage('Other', 'x', { author: ANN });
    // Act
    const again = await wiki.writePage('page', 'same', { author: BOB });
    // Assess
    expect(again).toMatchObject({ changed: false, created: false, revision: first.revision, path: 'Page' });
    expect(git(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('3');
  });

  it('reads frontmatter, title, category and tags', async () => {
    await wiki.writePage('notes/x', '---\ntitle: Shown Title\ncategory: Ops\ntags: [a, b]\n---\n# Heading\nBody', {
      author: ANN,
    });
    const page = await wiki.readPage('Notes/X');
    expect(page).toMatchObject({ title: 'Shown Title', category: 'Ops', tags: ['a', 'b'], body: '# Heading\nBody' });
    expect(page.author).toEqual(ANN);
  });

  it('takes the display casing of the last segment from a matching heading', async () => {
    await wiki.writePage('guide/getting started', '# GETTING Started\n', { author: ANN });
    expect((await wiki.listPages({ prefix: 'GUIDE' }))[0]!.path).toBe('Guide/GETTING Started');
  });

  it('refuses oversized and invalid content and writes nothing', async () => {
    await expect(wiki.writePage('Big', 'x'.repeat(MAX_PAGE_BYTES + 1), { author: ANN })).rejects.toThrow(
      ContentTooLargeError,
    );
    await expect(wiki.writePage('Big', 'é'.repeat(MAX_PAGE_BYTES / 2 + 1), { author: ANN })).rejects.toThrow(
      ContentTooLargeError,
    );
    await expect(wiki.writePage('Nul', 'a\u0000b', { author: ANN })).rejects.toThrow(InvalidContentError);
    await expect(wiki.writePage('Sur', 'a\ud800b', { author: ANN })).rejects.toThrow(InvalidContentError);
    await expect(wiki.writePage('../evil', 'x', { author: ANN })).rejects.toThrow(InvalidPathError);
    expect(git(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('never mirrors a page into the work tree through a symlink that leaves the repository', async () => {
    // Prepare
    const outside = makeTempDir('wiki-outside-');
    symlinkSync(outside, join(dir, 'evil'));
    // Act
    await wiki.writePage('Evil/Page', 'stays in git', { author: ANN });
    // Assess
    expect(git(dir, 'show', 'HEAD:evil/page.md')).toBe('stays in git');
    expect(readdirSync(outside)).toEqual([]);
    removeDir(outside);
  });

  it('sanitises author identities so git fsck --strict accepts them', async () => {
    await wiki.writePage('P', 'x', { author: { name: 'Evil <x>\nName', email: 'a>b@c\n' } });
    expect(git(dir, 'log', '-1', '--format=%an|%ae').trim()).toBe('Evil xName|ab@c');
    fsck(dir);
  });
});

describe('hostile paths', () => {
  it.each([
    '../x',
    '/etc/passwd',
    'a/../../b',
    '.git/config',
    'a/.GIT/x',
    'x\u0000y',
    'x\ny',
    'a'.repeat(300),
    '',
    '   ',
    'a\\b',
  ])('refuses %j in every operation without touching the repository', async (path) => {
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    await expect(wiki.writePage(path, 'x', { author: ANN })).rejects.toThrow(InvalidPathError);
    await expect(wiki.readPage(path)).rejects.toThrow(InvalidPathError);
    await expect(wiki.renamePage('Home', path, { author: ANN })).rejects.toThrow(InvalidPathError);
    await expect(wiki.history(path)).rejects.toThrow(InvalidPathError);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
  });
});

describe('conflicts and edits', () => {
  it('refuses a write based on an older revision of the page and accepts the current one', async () => {
    const v1 = await wiki.writePage('Doc', 'one', { author: ANN });
    const v2 = await wiki.writePage('Doc', 'two', { author: BOB });
    await wiki.writePage('Elsewhere', 'x', { author: BOB });
    // Act + Assess
    await expect(wiki.writePage('Doc', 'three', { author: ANN, baseRevision: v1.revision })).rejects.toThrow(
      EditConflictError,
    );
    await expect(
      wiki.writePage('Doc', 'three', { author: ANN, baseRevision: v2.revision.slice(0, 8) }),
    ).resolves.toMatchObject({
      changed: true,
    });
    await expect(
      wiki.writePage('Doc', 'four', { author: ANN, baseRevision: await wiki.head() }),
    ).resolves.toMatchObject({
      changed: true,
    });
    await expect(wiki.writePage('Doc', 'five', { author: ANN, baseRevision: 'deadbeef' })).rejects.toThrow(
      EditConflictError,
    );
  });

  it('replaces text that occurs exactly once', async () => {
    await wiki.writePage('E', 'alpha beta gamma', { author: ANN });
    await wiki.editPage('e', 'beta', 'BETA', { author: BOB });
    expect((await wiki.readPage('E')).content).toBe('alpha BETA gamma');
    expect(git(dir, 'log', '-1', '--format=%an').trim()).toBe(BOB.name);
  });

  it.each([
    ['missing', 0, /not found/],
    ['a', 3, /occurs 3 times/],
  ])('refuses an edit whose text %j occurs %i times', async (oldText, count, message) => {
    await wiki.writePage('E', 'a a a', { author: ANN });
    const act = wiki.editPage('E', oldText, 'z', { author: ANN });
    await expect(act).rejects.toThrow(message);
    await expect(wiki.editPage('E', oldText, 'z', { author: ANN })).rejects.toMatchObject({
      name: EditMatchError.name,
      occurrences: count,
    });
  });

  it('appends inside the lock so concurrent appends all survive, creating the page when missing', async () => {
    // Act
    const results = await Promise.all(
      ['one', 'two', 'three'].map((line) => wiki.appendPage('Log', `- ${line}\n`, { author: ANN })),
    );
    // Assess
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const lines = (await wiki.readPage('log')).content.trim().split('\n').sort();
    expect(lines).toEqual(['- one', '- three', '- two']);
    expect(Number(git(dir, 'rev-list', '--count', 'HEAD'))).toBe(4);
  });

  it('refuses to edit a missing page', async () => {
    await expect(wiki.editPage('Nope', 'a', 'b', { author: ANN })).rejects.toThrow(PageNotFoundError);
  });
});

describe('links, rename and delete', () => {
  it('indexes incoming and outgoing links, missing targets and orphans', async () => {
    await wiki.writePage('A', 'to [[B]] and [[Label|Nowhere]]', { author: ANN });
    await wiki.writePage('B', 'back to [[a]]', { author: ANN });
    await wiki.writePage('Lonely', 'nobody links here', { author: ANN });
    // Assess
    expect(await wiki.getLinks('a')).toEqual({
      path: 'A',
      outgoing: ['B', 'Nowhere'],
      incoming: ['B'],
      missing: ['Nowhere'],
    });
    expect(await wiki.orphans()).toEqual(['Lonely']);
    expect(await wiki.linkGraph()).toMatchObject({ A: ['B', 'Nowhere'], B: ['A'], Home: [] });
  });

  it('renames a page with its attachments and rewrites links to it in one commit', async () => {
    await wiki.writePage('Old', '# Old\nself [[Old]]', { author: ANN });
    await wiki.writePage('Linker', 'see [[Old]] and [[the old one|old#part]] and [[Older]]', { author: ANN });
    await wiki.writePage('Older', 'x', { author: ANN });
    git(dir, 'status'); // the CLI may look at the work tree; the engine does not depend on it
    const before = Number(git(dir, 'rev-list', '--count', 'HEAD'));
    // Act
    const result = await wiki.renamePage('old', 'Archive/New', { author: BOB });
    // Assess
    expect(result).toMatchObject({ path: 'Old', newPath: 'Archive/New', rewritten: ['Linker'] });
    expect(Number(git(dir, 'rev-list', '--count', 'HEAD'))).toBe(before + 1);
    expect((await wiki.readPage('Linker')).content).toBe(
      'see [[Archive/New]] and [[the old one|Archive/New#part]] and [[Older]]',
    );
    expect((await wiki.readPage('archive/new')).content).toBe('# Old\nself [[Archive/New]]');
    expect(await wiki.exists('Old')).toBe(false);
    expect(git(dir, 'show', '--no-renames', '--name-status', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(
      ['A\tarchive/new.md', 'D\told.md', 'M\tlinker.md'].sort(),
    );
    fsck(dir);
  });

  it('refuses to rename onto an existing page', async () => {
    await wiki.writePage('X', 'x', { author: ANN });
    await expect(wiki.renamePage('X', 'home', { author: ANN })).rejects.toThrow(PageExistsError);
    await expect(wiki.renamePage('Nope', 'Y', { author: ANN })).rejects.toThrow(PageNotFoundError);
  });

  it('deletes a page in one commit and keeps its history readable', async () => {
    const v1 = await wiki.writePage('Gone', 'bye', { author: ANN });
    const del = await wiki.deletePage('gone', { author: BOB });
    expect(await wiki.exists('Gone')).toBe(false);
    await expect(wiki.readPage('Gone')).rejects.toThrow(PageNotFoundError);
    expect((await wiki.readPage('Gone', { revision: v1.revision })).content).toBe('bye');
    expect((await wiki.history('Gone')).map((r) => r.revision)).toEqual([del.revision, v1.revision]);
    expect(existsSync(join(dir, 'gone.md'))).toBe(false);
    await expect(wiki.deletePage('Gone', { author: BOB })).rejects.toThrow(PageNotFoundError);
  });
});

describe('listing and search', () => {
  it('filters by prefix (case-insensitive), category, tag and updatedSince', async () => {
    await wiki.writePage('Ops/Runbook', '---\ncategory: Ops\ntags: oncall, db\n---\nx', { author: ANN });
    await wiki.writePage('Ops/Notes', '---\ncategory: ops\n---\nx', { author: ANN });
    await wiki.writePage('Dev/Setup', '---\ntags: [db]\n---\nx', { author: ANN });
    const paths = async (f: Parameters<Wiki['listPages']>[0]) => (await wiki.listPages(f)).map((p) => p.path);
    expect(await paths({ prefix: 'ops/' })).toEqual(['Ops/Notes', 'Ops/Runbook']);
    expect(await paths({ category: 'OPS' })).toEqual(['Ops/Notes', 'Ops/Runbook']);
    expect(await paths({ tag: 'db' })).toEqual(['Dev/Setup', 'Ops/Runbook']);
    expect(await paths({ tag: 'db', category: 'ops' })).toEqual(['Ops/Runbook']);
    expect(await paths({ updatedSince: '2999-01-01' })).toEqual([]);
    expect((await paths({ updatedSince: '2000-01-01T00:00:00Z' })).length).toBe(4);
    await expect(wiki.listPages({ updatedSince: 'yesterday-ish' })).rejects.toThrow(InvalidArgumentError);
  });

  it('ranks title matches first and returns a snippet around the match', async () => {
    await wiki.writePage('Kubernetes', '# Kubernetes\nCluster orchestration notes.', { author: ANN });
    await wiki.writePage(
      'Misc',
      `# Misc\n${'filler words here. '.repeat(30)}We once ran kubernetes on a toaster. ${'more filler. '.repeat(30)}`,
      {
        author: ANN,
      },
    );
    // Act
    const hits = await wiki.search('kubernetes');
    const fuzzy = await wiki.search('kubernets');
    const prefix = await wiki.search('orchestr');
    // Assess
    expect(hits.map((h) => h.path)).toEqual(['Kubernetes', 'Misc']);
    expect(hits[1]!.snippet).toContain('kubernetes on a toaster');
    expect(hits[1]!.snippet.length).toBeLessThan(200);
    expect(fuzzy[0]!.path).toBe('Kubernetes');
    expect(prefix.map((h) => h.path)).toEqual(['Kubernetes']);
    // The words that matched, expansions included, so a view can highlight them.
    expect(hits[0]!.terms).toEqual(['kubernetes']);
    expect(fuzzy[0]!.terms).toEqual(['kubernetes']);
    expect(prefix[0]!.terms).toEqual(['orchestration']);
    expect(await wiki.search('   ')).toEqual([]);
  });

  it('keeps search current after edits and deletes', async () => {
    await wiki.writePage('S', 'zebra', { author: ANN });
    expect((await wiki.search('zebra')).map((h) => h.path)).toEqual(['S']);
    await wiki.writePage('S', 'giraffe', { author: ANN });
    expect(await wiki.search('zebra')).toEqual([]);
    await wiki.deletePage('S', { author: ANN });
    expect(await wiki.search('giraffe')).toEqual([]);
  });
});

describe('history, revisions and diff', () => {
  it('lists page history and the changelog newest first, reads old revisions and diffs them', async () => {
    const v1 = await wiki.writePage('H', 'line one\n', { author: ANN, message: 'first' });
    await wiki.writePage('Other', 'o', { author: BOB, message: 'other' });
    const v2 = await wiki.writePage('H', 'line one\nline two\n', { author: BOB, message: 'second' });
    // Assess
    const history = await wiki.history('h');
    expect(history.map((r) => [r.revision, r.message, r.author.name])).toEqual([
      [v2.revision, 'second', BOB.name],
      [v1.revision, 'first', ANN.name],
    ]);
    expect(history[0]!.paths).toEqual(['H']);
    expect((await wiki.history('H', { limit: 1 })).length).toBe(1);
    expect((await wiki.changelog({ limit: 3 })).map((r) => r.message)).toEqual(['second', 'other', 'first']);
    expect((await wiki.changelog({ limit: 2, offset: 1 })).map((r) => r.message)).toEqual(['other', 'first']);
    const all = await wiki.changelog({ limit: 1000 });
    expect(await wiki.changelog({ limit: 5, offset: all.length - 1 })).toEqual(all.slice(-1));
    expect(await wiki.changelog({ limit: 5, offset: all.length })).toEqual([]);
    await expect(wiki.changelog({ offset: -1 })).rejects.toThrow(InvalidArgumentError);
    await expect(wiki.changelog({ offset: 1.5 })).rejects.toThrow(InvalidArgumentError);
    expect((await wiki.readPage('H', { revision: v1.revision.slice(0, 7) })).content).toBe('line one\n');
    const diff = await wiki.diff('H', v1.revision, v2.revision);
    expect(diff).toContain('+line two');
    expect(diff).toContain('--- a/h.md');
    expect(await wiki.diff('H', v1.revision)).toBe(diff);
  });

  it('reports unknown revisions and pages absent at a revision', async () => {
    const v1 = await wiki.writePage('Later', 'x', { author: ANN });
    const home = (await wiki.history('Home'))[0]!.revision;
    await expect(wiki.readPage('Later', { revision: 'ffffffff' })).rejects.toThrow(RevisionNotFoundError);
    await expect(wiki.readPage('Later', { revision: 'not-a-sha' })).rejects.toThrow(RevisionNotFoundError);
    await expect(wiki.readPage('Later', { revision: home })).rejects.toThrow(PageNotFoundError);
    await expect(wiki.history('Never')).rejects.toThrow(PageNotFoundError);
    expect((await wiki.readPage('Later', { revision: v1.revision })).revision).toBe(v1.revision);
  });
});

describe('the index cache', () => {
  it('lets a second Wiki see writes of the first and survives a corrupt cache', async () => {
    const other = await Wiki.open({ dir, durable: false });
    await wiki.writePage('From First', 'hello [[Home]]', { author: ANN });
    expect((await other.readPage('from first')).content).toBe('hello [[Home]]');
    expect((await other.search('hello')).map((h) => h.path)).toEqual(['From First']);
    await wiki.flush();
    // Corrupt the cache: it is disposable and rebuilt from git.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, '.git/wikibot/index-v1.json'), '{not json');
    writeFileSync(join(dir, '.git/wikibot/search-v1.json'), 'garbage');
    const third = await Wiki.open({ dir });
    expect((await third.getLinks('Home')).incoming).toEqual(['From First']);
    expect((await third.search('hello')).map((h) => h.path)).toEqual(['From First']);
  });
});
