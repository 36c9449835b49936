import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Wiki } from '../../src/index.js';
import { ANN, fsck, git, makeTempDir, removeDir } from '../helpers/repo.js';

let dir: string;
const body = (n: number): string =>
  `# Page\n\n${'Shared paragraph of text so that git stores deltas. '.repeat(40)}\nVersion ${n}\n`;

function commitWithCli(message: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  git(dir, 'add', '-A');
  execFileSync('git', ['-c', 'user.name=Otter', '-c', 'user.email=otter@example.com', 'commit', '-q', '-m', message], {
    cwd: dir,
  });
}

beforeAll(() => {
  // An Otterwiki-style repository made by the git CLI, then packed with deltas (what `git gc` leaves).
  dir = makeTempDir();
  git(dir, 'init', '-q', '-b', 'main');
  commitWithCli('initial', { 'home.md': '# Home\n\n[[Old Name]]\n', 'old name.md': body(1) });
  for (let n = 2; n <= 6; n++) commitWithCli(`edit ${n}`, { 'old name.md': body(n), [`notes/note ${n}.md`]: body(n) });
  commitWithCli('attachment', { 'old name/diagram.png': 'not really a png', 'old name/child.md': '# Child\n' });
  git(dir, 'gc', '-q', '--aggressive');
});
afterAll(() => removeDir(dir));

describe('a repository made by other tools and packed by git gc', () => {
  it('is read from its packfiles: pages, display titles, history and old revisions', async () => {
    // Act
    const wiki = await Wiki.open({ dir, durable: false });
    // Assess
    expect(git(dir, 'count-objects', '-v')).toMatch(/in-pack: [1-9]/);
    const idx = readdirSync(join(dir, '.git/objects/pack')).filter((f) => f.endsWith('.idx'));
    expect(git(dir, 'verify-pack', '-v', ...idx.map((f) => `.git/objects/pack/${f}`))).toMatch(/chain length = [1-9]/);
    expect((await wiki.readPage('OLD NAME')).content).toBe(body(6));
    const history = await wiki.history('old name');
    expect(history.map((r) => r.message)).toEqual(['edit 6', 'edit 5', 'edit 4', 'edit 3', 'edit 2', 'initial']);
    expect(history[0]!.author).toEqual({ name: 'Otter', email: 'otter@example.com' });
    expect((await wiki.readPage('old name', { revision: history[3]!.revision })).content).toBe(body(3));
    expect((await wiki.listPages({ prefix: 'notes/' })).length).toBe(5);
    expect((await wiki.getLinks('Old Name')).incoming).toEqual(['Home']);
  });

  it('renames a page together with its attachments but not its subpages, on top of the packed history', async () => {
    // Prepare
    const wiki = await Wiki.open({ dir, durable: false });
    // Act
    const result = await wiki.renamePage('Old Name', 'New Name', { author: ANN });
    // Assess
    expect(result.rewritten).toEqual(['Home']);
    const changed = git(dir, 'show', '--no-renames', '--name-status', '--format=', 'HEAD').trim().split('\n').sort();
    expect(changed).toEqual(
      ['A\tnew name.md', 'A\tnew name/diagram.png', 'D\told name.md', 'D\told name/diagram.png', 'M\thome.md'].sort(),
    );
    expect(git(dir, 'show', 'HEAD:home.md')).toBe('# Home\n\n[[New Name]]\n');
    expect(await wiki.exists('old name/child')).toBe(true);
    fsck(dir);
  });
});
