import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditConflictError, InvalidPathError, Wiki } from '../../src/index.js';
import { ANN, fsck, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
let wiki: Wiki;

beforeEach(async () => {
  dir = makeTempDir();
  wiki = await Wiki.open({ dir, durable: false });
});
afterEach(() => removeDir(dir));

describe('a name ending in ".md.md"', () => {
  it('never overwrites the page without the suffix', async () => {
    // Prepare
    await wiki.writePage('X', 'original', { author: ANN });
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    // Act
    const write = wiki.writePage('X.md.md', 'intruder', { author: ANN });
    // Assess
    await expect(write).rejects.toThrow(InvalidPathError);
    expect(git(dir, 'show', 'HEAD:x.md')).toBe('original');
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
  });

  it('is no way round the existence check of a rename', async () => {
    // Prepare
    await wiki.writePage('X', 'x', { author: ANN });
    await wiki.writePage('Y', 'y', { author: ANN });
    // Act
    const rename = wiki.renamePage('Y', 'X.md.md', { author: ANN });
    // Assess
    await expect(rename).rejects.toThrow(InvalidPathError);
    expect(git(dir, 'show', 'HEAD:x.md')).toBe('x');
    expect(git(dir, 'show', 'HEAD:y.md')).toBe('y');
  });

  it('is no way round the conflict check of a stale revision', async () => {
    // Prepare
    const v1 = await wiki.writePage('X', 'one', { author: ANN });
    await wiki.writePage('X', 'two', { author: ANN });
    // Act
    const stale = wiki.writePage('X.md.md.md', 'three', { author: ANN, baseRevision: v1.revision });
    // Assess
    await expect(stale).rejects.toThrow(InvalidPathError);
    await expect(wiki.writePage('X.md', 'three', { author: ANN, baseRevision: v1.revision })).rejects.toThrow(
      EditConflictError,
    );
    expect(git(dir, 'show', 'HEAD:x.md')).toBe('two');
  });

  it('"X.md" is page X itself, reported as X', async () => {
    // Act
    const result = await wiki.writePage('X.md', 'one', { author: ANN });
    // Assess
    expect(result.path).toBe('X');
    expect(git(dir, 'log', '-1', '--format=%s').trim()).toBe('Create X');
    expect(git(dir, 'show', 'HEAD:x.md')).toBe('one');
  });
});

describe('Unicode spellings', () => {
  it('finds one page under its NFC and NFD spellings', async () => {
    // Prepare
    await wiki.writePage('Cafe\u0301', 'decomposed', { author: ANN });
    // Act
    const update = await wiki.writePage('Caf\u00e9', 'composed', { author: ANN });
    // Assess
    expect(update.created).toBe(false);
    expect((await wiki.readPage('Cafe\u0301')).content).toBe('composed');
    const files = git(dir, '-c', 'core.quotepath=false', 'ls-tree', '--name-only', 'HEAD').split('\n');
    expect(files).toContain('caf\u00e9.md');
    const listed = (await wiki.listPages()).map((p) => p.path.normalize('NFC').toLowerCase());
    expect(listed.filter((path) => path === 'caf\u00e9')).toHaveLength(1);
    fsck(dir);
  });

  it('lists pages under a prefix spelt in NFD', async () => {
    // Prepare
    await wiki.writePage('Caf\u00e9/Menu', 'x', { author: ANN });
    // Act
    const listed = await wiki.listPages({ prefix: 'CAFE\u0301/' });
    // Assess
    expect(listed.map((p) => p.path)).toEqual(['Caf\u00e9/Menu']);
  });
});

describe('a page file in NFD another tool committed', () => {
  it('is found by its NFC name and updated in its own file', async () => {
    // Prepare: macOS-style decomposed file name, committed with the git CLI
    git(dir, 'checkout', '-q', '-f', 'main');
    writeFileSync(join(dir, 'cafe\u0301.md'), 'decomposed\n');
    git(dir, 'add', '.');
    git(dir, '-c', 'user.name=Cli', '-c', 'user.email=cli@example.com', 'commit', '-qm', 'by hand');
    // Act
    const page = await wiki.readPage('Caf\u00e9');
    const update = await wiki.writePage('CAF\u00c9', 'updated\n', { author: ANN });
    // Assess
    expect(page.content).toBe('decomposed\n');
    expect(update.created).toBe(false);
    expect(git(dir, 'show', 'HEAD:cafe\u0301.md')).toBe('updated\n');
    expect((await wiki.listPages()).map((p) => p.path.normalize('NFC'))).toContain('Caf\u00e9');
  });
});

describe("display names (An Otter Wiki's rule)", () => {
  it('shows a file another tool wrote as Otterwiki does', async () => {
    // Prepare: `test-page.md` committed with the git CLI, as Otterwiki or a person would
    git(dir, 'checkout', '-q', '-f', 'main');
    writeFileSync(join(dir, 'test-page.md'), 'No heading here.\n');
    writeFileSync(join(dir, "the otter's guide.md"), "# The Otter's Guide\n");
    git(dir, 'add', '.');
    git(dir, '-c', 'user.name=Cli', '-c', 'user.email=cli@example.com', 'commit', '-qm', 'by hand');
    // Act
    const names = (await wiki.listPages()).map((p) => p.path);
    // Assess
    expect(names).toEqual(expect.arrayContaining(['Test-Page', "The Otter's Guide"]));
    expect((await wiki.readPage('TEST-PAGE')).path).toBe('Test-Page');
  });

  it('shows pages wikibot wrote by the same rule, every segment title-cased, heading spelling last', async () => {
    // Act
    await wiki.writePage('guide/getting started', 'Read on.', { author: ANN });
    const created = await wiki.writePage('guide/api reference', '# API Reference\n', { author: ANN });
    // Assess
    expect(created.path).toBe('Guide/API Reference');
    const names = (await wiki.listPages({ prefix: 'guide' })).map((p) => p.path);
    expect(names).toEqual(['Guide/API Reference', 'Guide/Getting Started']);
    expect((await wiki.history('guide/getting started'))[0]!.paths).toEqual(['Guide/Getting Started']);
  });

  it('keeps spaces around "/" as Otterwiki does', async () => {
    // Act
    const result = await wiki.writePage('Foo / Bar', 'x', { author: ANN });
    // Assess
    expect(result.path).toBe('Foo / Bar');
    expect(git(dir, 'show', 'HEAD:foo / bar.md')).toBe('x');
  });

  it('shows the same names after the caches are rebuilt from git', async () => {
    // Prepare
    await wiki.writePage('guide/api reference', '# API Reference\n', { author: ANN });
    await wiki.flush();
    for (const file of ['index-v1.json', 'search-v1.json']) rmSync(join(dir, '.git', 'wikibot', file), { force: true });
    // Act
    const fresh = await Wiki.open({ dir, durable: false });
    // Assess
    expect((await fresh.readPage('GUIDE/API REFERENCE')).path).toBe('Guide/API Reference');
  });
});

describe('a deleted page read at an old revision', () => {
  it('is named by the same rule', async () => {
    // Prepare
    const first = await wiki.writePage('notes/test-page', 'text', { author: ANN });
    await wiki.deletePage('notes/test-page', { author: ANN });
    // Act
    const page = await wiki.readPage('NOTES/TEST-PAGE', { revision: first.revision });
    // Assess
    expect(page.path).toBe('Notes/Test-Page');
  });
});

describe('names in links (as otterwiki-api shows and writes them)', () => {
  it('shows a link to a missing page under the name that page would be shown under', async () => {
    // Act
    await wiki.writePage('Linker', 'See [[NewTarget]] and [[Label|guide/api-notes#usage]].', { author: ANN });
    // Assess
    const expected = ['Newtarget', 'Guide/Api-Notes'];
    expect((await wiki.getLinks('linker')).outgoing).toEqual(expected);
    expect((await wiki.readPage('Linker')).links).toEqual(expected);
    expect((await wiki.linkGraph())['Linker']).toEqual(expected);
    await wiki.writePage('NewTarget', '# NewTarget', { author: ANN });
    expect((await wiki.getLinks('linker')).outgoing[0]).toBe('NewTarget');
  });

  it('keeps the name as written when page name case is retained', async () => {
    // Prepare
    const retaining = await Wiki.open({ dir, durable: false, retainPageNameCase: true });
    // Act
    await retaining.writePage('Linker', 'See [[NewTarget]].', { author: ANN });
    // Assess
    expect((await retaining.getLinks('linker')).outgoing).toEqual(['NewTarget']);
  });

  it("rewrites links on a rename to the new page's display name, keeping labels and anchors", async () => {
    // Prepare
    await wiki.writePage('Target', 'x', { author: ANN });
    await wiki.writePage('Linker', 'See [[Target]], [[Label|target#part]] and [[Target#top]].', { author: ANN });
    // Act
    const result = await wiki.renamePage('target', 'archive/new-target', { author: ANN });
    // Assess
    expect(result.newPath).toBe('Archive/New-Target');
    expect(git(dir, 'show', 'HEAD:linker.md')).toBe(
      'See [[Archive/New-Target]], [[Label|Archive/New-Target#part]] and [[Archive/New-Target#top]].',
    );
    fsck(dir);
  });
});

describe("retaining page name case (Otterwiki's RETAIN_PAGE_NAME_CASE)", () => {
  it('stores the name as given and shows it as stored, still found in any case', async () => {
    // Prepare
    const retaining = await Wiki.open({ dir, durable: false, retainPageNameCase: true });
    // Act
    const result = await retaining.writePage('Guide/iPhone tips', 'x', { author: ANN });
    // Assess
    expect(result.path).toBe('Guide/iPhone tips');
    expect(git(dir, 'show', 'HEAD:Guide/iPhone tips.md')).toBe('x');
    expect((await retaining.readPage('guide/IPHONE TIPS')).path).toBe('Guide/iPhone tips');
    const update = await retaining.writePage('guide/iphone tips', 'y', { author: ANN });
    expect(update.created).toBe(false);
    expect(git(dir, 'show', 'HEAD:Guide/iPhone tips.md')).toBe('y');
    fsck(dir);
  });

  it('renames a page to another casing of its name, moving its file', async () => {
    // Prepare
    const retaining = await Wiki.open({ dir, durable: false, retainPageNameCase: true });
    await retaining.writePage('Api guide', 'text', { author: ANN });
    await retaining.writePage('Linker', 'See [[Api guide]].', { author: ANN });
    // Act
    const result = await retaining.renamePage('api guide', 'API Guide', { author: ANN });
    // Assess
    expect(result).toMatchObject({ path: 'Api guide', newPath: 'API Guide', rewritten: ['Linker'] });
    const files = git(dir, 'ls-tree', '--name-only', 'HEAD').split('\n');
    expect(files).toContain('API Guide.md');
    expect(files).not.toContain('Api guide.md');
    expect(git(dir, 'show', 'HEAD:Linker.md')).toBe('See [[API Guide]].');
    fsck(dir);
  });

  it('reads a deleted page at an old revision, and diffs it, from its case-kept file', async () => {
    // Prepare
    const retaining = await Wiki.open({ dir, durable: false, retainPageNameCase: true });
    const first = await retaining.writePage('Gone Page', 'old text\n', { author: ANN });
    await retaining.deletePage('Gone Page', { author: ANN });
    // Act
    const page = await retaining.readPage('gone page', { revision: first.revision });
    const diff = await retaining.diff('Gone Page', first.revision);
    // Assess
    expect(page).toMatchObject({ path: 'Gone Page', content: 'old text\n' });
    expect(diff).toContain('-old text');
  });

  it('still refuses a rename to the same name', async () => {
    // Prepare
    const retaining = await Wiki.open({ dir, durable: false, retainPageNameCase: true });
    await retaining.writePage('Same', 'text', { author: ANN });
    // Act & Assess
    await expect(retaining.renamePage('Same', 'Same.md', { author: ANN })).rejects.toThrow(/same as the current path/);
    await expect(wiki.renamePage('Home', 'HOME', { author: ANN })).rejects.toThrow(/same as the current path/);
  });
});

describe("names that collide with the wiki's routes", () => {
  it.each(['x/edit', 'api/v1/pages', '-/search', 'Notes/revision/abc1234'])(
    'refuses to create %j, which the browser could never open',
    async (name) => {
      // Prepare
      const head = git(dir, 'rev-parse', 'HEAD').trim();
      // Act
      const write = wiki.writePage(name, 'x', { author: ANN });
      const append = wiki.appendPage(name, 'x', { author: ANN });
      const rename = wiki.renamePage('Home', name, { author: ANN });
      // Assess
      await expect(write).rejects.toThrow(InvalidPathError);
      await expect(append).rejects.toThrow(InvalidPathError);
      await expect(rename).rejects.toThrow(InvalidPathError);
      expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    },
  );

  it('still reads and updates such a page another tool created', async () => {
    // Prepare
    git(dir, 'checkout', '-q', '-f', 'main');
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'edit.md'), 'by hand\n');
    git(dir, 'add', '.');
    git(dir, '-c', 'user.name=Cli', '-c', 'user.email=cli@example.com', 'commit', '-qm', 'by hand');
    // Act
    const update = await wiki.writePage('x/edit', 'updated\n', { author: ANN });
    // Assess
    expect(update.created).toBe(false);
    expect((await wiki.readPage('x/edit')).content).toBe('updated\n');
  });
});
