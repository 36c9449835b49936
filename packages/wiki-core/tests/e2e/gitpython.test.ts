/**
 * An Otter Wiki stores pages through GitPython: it writes the file, adds it to GitPython's index and commits from
 * that index (`repo.index.add`, `repo.index.commit`). On a wikibot repository that index must list every page, or
 * the commit deletes the pages it lacks (what happened before wikibot kept `.git/index`). Needs Debian's
 * python3-git (`.ci/run` installs it); skipped, saying so, where it is not installed.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { Wiki } from '../../src/index.js';
import { ANN, fsck, git, makeTempDir, removeDir } from '../helpers/repo.js';

const PYTHON = '/usr/bin/python3';
const HAVE_GITPYTHON = spawnSync(PYTHON, ['-c', 'import git'], { stdio: 'ignore' }).status === 0;
const test = HAVE_GITPYTHON ? it : it.skip;

/** Saves one page the way An Otter Wiki's storage does: write the file, index.add, index.commit. */
function saveWithGitPython(dir: string, file: string, content: string, message: string): void {
  const script = `
import sys, git
repo = git.Repo(sys.argv[1])
with open(sys.argv[1] + "/" + sys.argv[2], "w") as f:
    f.write(sys.argv[3])
repo.index.add([sys.argv[2]])
actor = git.Actor("Otter", "otter@example.com")
repo.index.commit(sys.argv[4], author=actor, committer=actor)
`;
  const run = spawnSync(PYTHON, ['-c', script, dir, file, content, message], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`GitPython failed: ${run.stderr}`);
}

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

describe(`GitPython's index-based commits on a wikibot repository${HAVE_GITPYTHON ? '' : ' (skipped: no python3-git)'}`, () => {
  test('keep every wikibot page, and wikibot keeps every GitPython page, both ways round', async () => {
    // Prepare
    const wiki = await Wiki.open({ dir, durable: false });
    for (const n of [1, 2, 3]) await wiki.writePage(`Page ${n}`, `# Page ${n}\n`, { author: ANN });
    // Act: Otterwiki saves a page, wikibot edits another, Otterwiki saves again
    saveWithGitPython(dir, 'otter.md', '# Otter\n', 'Otterwiki save');
    await wiki.editPage('Page 2', '# Page 2', '# Page 2 edited by wikibot', { author: ANN });
    saveWithGitPython(dir, 'otter.md', '# Otter\n\nsecond save\n', 'Otterwiki save 2');
    // Assess
    const files = git(dir, 'ls-tree', '--name-only', 'HEAD').trim().split('\n').sort();
    expect(files).toEqual(['home.md', 'otter.md', 'page 1.md', 'page 2.md', 'page 3.md']);
    expect(git(dir, 'show', 'HEAD:page 2.md')).toBe('# Page 2 edited by wikibot\n');
    expect((await wiki.readPage('Otter')).content).toBe('# Otter\n\nsecond save\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    fsck(dir);
  });
});
