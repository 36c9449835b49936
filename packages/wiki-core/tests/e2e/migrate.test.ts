/**
 * docs/migrate.md, followed step by step on a repository in An Otter Wiki's layout (branch `master`, lower-cased
 * page files, attachments beside their page, commits with an index, as GitPython makes them): onto wikibot and back.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Wiki } from '../../src/index.js';
import { ANN, fsck, git, makeTempDir, removeDir } from '../helpers/repo.js';

const TSX = createRequire(import.meta.url).resolve('tsx');
const CLI = fileURLToPath(new URL('../../scripts/wiki-cli.ts', import.meta.url));
const OTTER = ['-c', 'user.name=Otter', '-c', 'user.email=otter@example.com'];

let root: string;
let otterwiki: string;
let wikibot: string;
beforeEach(() => {
  root = makeTempDir();
  otterwiki = join(root, 'app-data', 'repository');
  wikibot = join(root, 'wiki');
});
afterEach(() => removeDir(root));

/** A page saved as An Otter Wiki saves it: the file, `git add`, a commit from the index. */
function otterSave(dir: string, file: string, content: string, message: string): void {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), content);
  git(dir, 'add', '--', file);
  git(dir, ...OTTER, 'commit', '-q', '-m', message);
}

const files = (dir: string): string[] => git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').trim().split('\n').sort();

describe('docs/migrate.md', () => {
  it('moves an Otterwiki repository onto wikibot and back, losing nothing', async () => {
    // An Otterwiki repository
    mkdirSync(otterwiki, { recursive: true });
    git(otterwiki, 'init', '-q', '-b', 'master');
    otterSave(otterwiki, 'home.md', '# Home\n\nSee [[Project Plan]].\n', 'initial commit');
    otterSave(otterwiki, 'project plan.md', '# Project Plan\n', 'created Project Plan');
    otterSave(otterwiki, 'project plan/timeline.png', 'png bytes', 'uploaded timeline.png');
    otterSave(otterwiki, 'team/ann smith.md', '# Ann Smith\n', 'created Team/Ann Smith');

    // Otterwiki → wikibot, step 2: check the repository
    expect(git(otterwiki, 'status', '--porcelain')).toBe('');
    fsck(otterwiki);
    expect(git(otterwiki, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/master');
    // step 3: copy the directory
    execFileSync('cp', ['-a', otterwiki, wikibot]);
    // step 4: build the caches ahead of time
    const indexed = execFileSync(process.execPath, ['--import', TSX, CLI, 'index', wikibot], { encoding: 'utf8' });
    expect(indexed).toMatch(/page index: 3 pages/);
    expect(indexed).toMatch(/0 file\(s\) checked out, 0 changed file\(s\)/);
    // step 5: start wikibot and check
    const wiki = await Wiki.open({ dir: wikibot, durable: false });
    expect((await wiki.listPages()).map((p) => p.title).sort()).toEqual(['Ann Smith', 'Home', 'Project Plan']);
    expect((await wiki.listAttachments('Project Plan')).map((a) => a.filename)).toEqual(['timeline.png']);
    expect((await wiki.history('Project Plan')).map((r) => r.message)).toEqual(['created Project Plan']);
    await wiki.writePage('Project Plan', '# Project Plan\n\nEdited in wikibot.\n', { author: ANN });
    await wiki.renamePage('Team/Ann Smith', 'Team/Ann Jones', { author: ANN });
    expect(git(wikibot, 'status', '--porcelain')).toBe('');
    expect(git(wikibot, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/master');

    // wikibot → Otterwiki, step 2: check the data dir
    fsck(wikibot);
    // step 3: copy the directory back
    execFileSync('rm', ['-rf', otterwiki]);
    execFileSync('cp', ['-a', wikibot, otterwiki]);
    // step 4: Otterwiki saves again
    otterSave(otterwiki, 'home.md', '# Home\n\nSee [[Project Plan]] and [[Team/Ann Jones]].\n', 'updated Home');
    expect(files(otterwiki)).toEqual(['home.md', 'project plan.md', 'project plan/timeline.png', 'team/ann jones.md']);
    expect(git(otterwiki, 'show', 'HEAD:project plan.md')).toBe('# Project Plan\n\nEdited in wikibot.\n');
    expect(git(otterwiki, 'status', '--porcelain')).toBe('');
    fsck(otterwiki);
  });

  it('brings an older wikibot repository (no .git/index, work tree behind) in step with HEAD', async () => {
    // Prepare: what an older wikibot left, plus a file a person changed by hand
    mkdirSync(otterwiki, { recursive: true });
    git(otterwiki, 'init', '-q', '-b', 'main');
    otterSave(otterwiki, 'home.md', '# Home\n', 'initial');
    otterSave(otterwiki, 'notes/a.md', '# A\n', 'a');
    execFileSync('rm', [join(otterwiki, '.git', 'index'), join(otterwiki, 'notes', 'a.md')]);
    writeFileSync(join(otterwiki, 'home.md'), '# Home\n\nchanged by hand\n');
    // Act
    const out = execFileSync(process.execPath, ['--import', TSX, CLI, 'index', otterwiki], { encoding: 'utf8' });
    // Assess
    expect(out).toMatch(/1 file\(s\) checked out, 1 changed file\(s\) left as they are/);
    expect(git(otterwiki, 'status', '--porcelain')).toBe(' M home.md\n');
  });
});
