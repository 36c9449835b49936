/**
 * @module Creating the repository on first use. The new `.git` is built under a temporary name and renamed into
 * place, so of two processes starting at once exactly one wins and the other uses its repository.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { buildMessage, sanitizeAuthor } from './commit-message.js';
import { GitStore } from './git-store.js';
import { WikiError } from './errors.js';
import { encodeEntry, serializeIndex } from './index-codec.js';
import type { Author } from './types.js';

/** The first page of a new wiki. */
export const HOME_CONTENT = '# Home\n\nWelcome to the wiki. Edit this page to get started.\n';
const DEFAULT_AUTHOR: Author = { name: 'wikibot', email: 'wikibot@localhost' };

/** Makes `dir` a git repository on branch `main` with a `Home` page, unless it already is a repository. */
export async function ensureRepository(dir: string, author: Author | undefined, durable: boolean): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  if (await isRepository(dir)) return;
  const staging = join(dir, `.wikibot-init-${randomBytes(6).toString('hex')}`);
  try {
    const store = new GitStore(staging, { tmpDir: join(staging, 'wikibot', 'tmp'), durable });
    await initGitDir(staging);
    const blob = await store.writeBlob(Buffer.from(HOME_CONTENT));
    const { tree } = await store.applyChanges(null, new Map([['home.md', blob]]));
    const message = buildMessage(undefined, 'Create Home', undefined, ['Home']);
    const commit = await store.writeCommit({ tree, parent: null, author: sanitizeAuthor(author ?? DEFAULT_AUTHOR), message });
    await store.flushObjects();
    store.moveBranch(null, commit.oid);
    await fsp.rename(staging, join(dir, '.git'));
    // The work-tree copy and git's index of it, so `git status` is clean from the start.
    const wrote = await fsp.writeFile(join(dir, 'home.md'), HOME_CONTENT, { flag: 'wx' }).then(() => true, () => false);
    const stat = wrote ? await fsp.lstat(join(dir, 'home.md'), { bigint: true }) : null;
    const index = serializeIndex([encodeEntry('home.md', blob, stat)]);
    await fsp.writeFile(join(dir, '.git', 'index'), index, { flag: 'wx' }).catch(() => undefined);
  } catch (err) {
    await fsp.rm(staging, { recursive: true, force: true });
    if (!(await isRepository(dir))) throw new WikiError(`Could not initialise a wiki repository in ${dir}`, { cause: err });
  }
}

/** What `git init -b main` makes, minus samples and hooks. */
async function initGitDir(gitdir: string): Promise<void> {
  for (const sub of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags']) {
    await fsp.mkdir(join(gitdir, sub), { recursive: true });
  }
  await fsp.writeFile(join(gitdir, 'HEAD'), 'ref: refs/heads/main\n');
  const core = ['repositoryformatversion = 0', 'filemode = true', 'bare = false', 'logallrefupdates = true'];
  await fsp.writeFile(join(gitdir, 'config'), `[core]\n${core.map((line) => `\t${line}\n`).join('')}`);
}

async function isRepository(dir: string): Promise<boolean> {
  return fsp
    .stat(join(dir, '.git', 'HEAD'))
    .then((st) => st.isFile())
    .catch(() => false);
}
