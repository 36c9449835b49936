/**
 * @module Creating the repository on first use. The new `.git` is built under a temporary name and renamed into
 * place, so of two processes starting at once exactly one wins and the other uses its repository. Imported with
 * the parts (`lazy-parts.ts`) by `repository.ts`, only when there is no repository yet.
 */
import { randomBytes } from './lazy-crypto.js';
import * as fsp from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildMessage, sanitizeAuthor } from './commit-message.js';
import { GitStore } from './git-store.js';
import { WikiError } from './errors.js';
import { validateContent } from './content.js';
import { encodeEntry, serializeIndex } from './index-codec.js';
import { pageFileName, type PageNaming } from './page-names.js';
import { isRepository } from './repository.js';
import type { Author, InitialContent } from './types.js';

/** The first page of a new wiki. */
export const HOME_CONTENT = '# Home\n\nWelcome to the wiki. Edit this page to get started.\n';
const DEFAULT_AUTHOR: Author = { name: 'wikibot', email: 'wikibot@localhost' };

/** The first commit's files (file → content) and message: a Home page, or `initial`'s pages. */
function firstCommit(initial: InitialContent | undefined, naming: PageNaming) {
  if (!initial)
    return {
      files: new Map([['home.md', HOME_CONTENT]]),
      message: undefined,
      fallback: 'Create Home',
    };
  const files = new Map<string, string>();
  for (const [path, content] of initial.pages) {
    validateContent(content);
    const file = pageFileName(path, naming);
    if (files.has(file)) throw new WikiError(`Two initial pages map to the file ${file}`);
    files.set(file, content);
  }
  return { files, message: initial.message, fallback: 'Import pages' };
}

/**
 * Makes `dir`, which is not a repository yet, a git repository on branch `main` whose first commit holds a `Home`
 * page (or `initial`'s pages); see {@link ensureRepository}.
 */
export async function createRepository(
  dir: string,
  author: Author | undefined,
  durable: boolean,
  initial: InitialContent | undefined,
  naming: PageNaming,
): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  const first = firstCommit(initial, naming);
  const staging = join(dir, `.wikibot-init-${randomBytes(6).toString('hex')}`);
  try {
    const store = new GitStore(staging, { tmpDir: join(staging, 'wikibot', 'tmp'), durable });
    await initGitDir(staging);
    const blobs = new Map<string, string>();
    for (const [file, content] of first.files) blobs.set(file, await store.writeBlob(Buffer.from(content)));
    const { tree } = await store.applyChanges(null, blobs);
    const message = buildMessage(first.message, first.fallback, undefined);
    const commit = await store.writeCommit({
      tree,
      parent: null,
      author: sanitizeAuthor(author ?? DEFAULT_AUTHOR),
      message,
    });
    await store.flushObjects();
    store.moveBranch(null, commit.oid);
    await fsp.rename(staging, join(dir, '.git'));
    // The work-tree copies and git's index of them, so `git status` is clean from the start. A file already
    // there (on a case-insensitive disk, the imported original itself) is kept; its entry has no stat data,
    // so git compares its content.
    const entries = [];
    for (const file of [...first.files.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) {
      const path = join(dir, file);
      await fsp.mkdir(dirname(path), { recursive: true });
      const wrote = await fsp.writeFile(path, first.files.get(file)!, { flag: 'wx' }).then(
        () => true,
        () => false,
      );
      entries.push(encodeEntry(file, blobs.get(file)!, wrote ? await fsp.lstat(path, { bigint: true }) : null));
    }
    await fsp.writeFile(join(dir, '.git', 'index'), serializeIndex(entries), { flag: 'wx' }).catch(() => undefined);
  } catch (err) {
    await fsp.rm(staging, { recursive: true, force: true });
    if (!isRepository(dir)) throw new WikiError(`Could not initialise a wiki repository in ${dir}`, { cause: err });
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
