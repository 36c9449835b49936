import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inspectDataDir, SettingsError, startLocalSystem } from '../../src/index.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wikibot-data-dir-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function files(dir: string, entries: Record<string, string | Buffer>): string {
  for (const [path, content] of Object.entries(entries)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'safe.directory=*', ...args], { cwd: dir, encoding: 'utf8' });

describe('WIKI_DATA_DIR at an existing folder of Markdown files', () => {
  it("imports an Obsidian vault as the first commit in Otterwiki's layout, naming what was and was not imported", async () => {
    // Prepare
    const vault = files(join(root, 'My Vault'), {
      '.obsidian/app.json': '{}',
      'Home.md': '# Home\n\nSee [[Road Map]].\n',
      'Projects/Road Map.md': '# Road Map\n\nQ1: otters.\n',
      'Daily/2026-11-28.md': 'A day.\n',
      'attachments/otter.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });

    // Act
    const local = await startLocalSystem({ port: 0, authPort: 0, dataDir: vault, stateDir: join(root, 'state') });
    const page = await fetch(`${local.url}/api/v1/pages/${encodeURIComponent('Projects/Road Map')}`, {
      headers: { authorization: `Bearer ${local.mcpApiKey}` },
    });
    await local.close();

    // Assess
    expect(local.imported).toMatchObject({ pages: 3, subject: 'Import 3 pages from the Obsidian vault "My Vault"' });
    expect(git(vault, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
    const message = git(vault, 'log', '-1', '--format=%B');
    expect(message).toContain('Not imported (not Markdown; left in place, uncommitted): attachments/otter.png.');
    expect(message).toContain('Left alone (hidden): .obsidian.');
    expect(git(vault, 'ls-tree', '-r', '--name-only', 'HEAD').trim().split('\n')).toEqual([
      'daily/2026-11-28.md',
      'home.md',
      'projects/road map.md',
    ]);
    expect(readFileSync(join(vault, 'projects', 'road map.md'), 'utf8')).toContain('Q1: otters.');
    expect(existsSync(join(vault, 'Projects'))).toBe(false);
    expect(existsSync(join(vault, 'attachments', 'otter.png'))).toBe(true);
    for (const file of ['daily/2026-11-28.md', 'home.md', 'projects/road map.md']) {
      expect(readFileSync(join(vault, file), 'utf8')).toBe(git(vault, 'show', `HEAD:${file}`));
    }
    expect(existsSync(join(vault, 'Home.md'))).toBe(false);
    execFileSync('git', ['-c', 'safe.directory=*', 'fsck', '--strict'], { cwd: vault });
    expect(page.status).toBe(200);
    expect(existsSync(join(vault, 'local-secrets.json'))).toBe(false);
    expect(existsSync(join(root, 'state', 'local-secrets.json'))).toBe(true);
  }, 60_000);

  it('refuses files that cannot become pages, naming them, and leaves the folder untouched', async () => {
    // Prepare
    const dir = files(join(root, 'export'), {
      'Page.md': 'one',
      'page.md': 'two',
      'Bad.md': Buffer.from([0xff, 0xfe, 0x00]),
    });

    // Act
    const start = startLocalSystem({ port: 0, authPort: 0, dataDir: dir, stateDir: join(root, 'state') });

    // Assess
    await expect(start).rejects.toBeInstanceOf(SettingsError);
    await expect(start).rejects.toThrow(
      /Bad\.md: is not UTF-8 text.*Page\.md and page\.md are the same page \(page\.md\)/,
    );
    expect(existsSync(join(dir, '.git'))).toBe(false);
    expect(readFileSync(join(dir, 'Page.md'), 'utf8')).toBe('one');
  });
});

describe('state an earlier version kept beside the data directory', () => {
  it('is moved once into the per-user state folder, keeping the keys and secrets', async () => {
    // Prepare: the old layout, <parent>/local-secrets.json and <parent>/authkit/ beside <parent>/wiki
    const parent = join(root, 'data');
    const before = await startLocalSystem({ port: 0, authPort: 0, dataDir: join(parent, 'wiki'), stateDir: parent });
    await before.close();

    // Act
    const after = await startLocalSystem({
      port: 0,
      authPort: 0,
      dataDir: join(parent, 'wiki'),
      stateDir: join(root, 'state'),
    });
    await after.close();

    // Assess
    expect(after.stateMovedFrom).toBe(parent);
    expect(after.mcpApiKey).toBe(before.mcpApiKey);
    expect(existsSync(join(parent, 'local-secrets.json'))).toBe(false);
    expect(existsSync(join(parent, 'authkit'))).toBe(false);
    expect(existsSync(join(root, 'state', 'authkit', 'keys.json'))).toBe(true);
  }, 60_000);
});

describe('inspectDataDir', () => {
  it('says what starting on each kind of folder does', async () => {
    // Prepare
    const empty = files(join(root, 'empty'), { '.DS_Store': 'x' });
    const notes = files(join(root, 'notes'), { 'a.md': '# A' });
    const repo = join(root, 'repo');
    mkdirSync(repo);
    git(repo, 'init', '-q');

    // Assess
    expect(inspectDataDir(join(root, 'absent'))).toEqual({ kind: 'new' });
    expect(inspectDataDir(empty)).toEqual({ kind: 'new' });
    expect(inspectDataDir(repo)).toEqual({ kind: 'wiki' });
    expect(inspectDataDir(notes)).toMatchObject({ kind: 'import', markdown: ['a.md'], obsidian: false });
  });

  it.each([
    ['a file', (dir: string) => files(root, { 'wiki.txt': 'x' }) && join(dir, 'wiki.txt'), /is a file, not a folder/],
    [
      'a folder without Markdown',
      (dir: string) => files(join(dir, 'photos'), { 'a.jpg': 'x', 'b.jpg': 'y' }),
      /holds 2 file\(s\) but no Markdown/,
    ],
    [
      'a .git that is not a repository',
      (dir: string) => files(join(dir, 'sub'), { '.git': 'gitdir: ../elsewhere' }),
      /has a \.git that is not a repository/,
    ],
  ])('refuses %s with the reason', (_name, make, reason) => {
    // Act
    const inspect = () => inspectDataDir(make(root));

    // Assess
    expect(inspect).toThrow(SettingsError);
    expect(inspect).toThrow(reason);
  });
});
