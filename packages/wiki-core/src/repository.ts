/**
 * @module Opening the repository: one stat at every open; creating it on first use (`repository-init.ts`) is
 * imported with the parts (`lazy-parts.ts`), so a cold start does not carry the code of a wiki's very first open.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PAGE_NAMING, type PageNaming } from './page-names.js';
import type { Author, InitialContent } from './types.js';
import { loadParts } from './wiki-parts.js';

/**
 * Makes `dir` a git repository on branch `main` whose first commit holds a `Home` page (or `initial`'s pages),
 * unless it already is a repository. Files already in `dir` stay as they are; a committed page is copied into
 * the work tree only where no file has its name.
 */
export async function ensureRepository(
  dir: string,
  author: Author | undefined,
  durable: boolean,
  initial?: InitialContent,
  naming: PageNaming = DEFAULT_PAGE_NAMING,
): Promise<void> {
  // An existing repository, as at every cold start but the very first, costs one stat: the mkdir before it was two
  // more file system calls (mkdir, then stat on EEXIST), each a network round trip on EFS.
  if (isRepository(dir)) return;
  await (await loadParts()).createRepository(dir, author, durable, initial, naming);
}

/**
 * True when `dir` holds a git repository (its `.git/HEAD`). Asked synchronously, like the index cache's read
 * (index-sync.ts): a cold start's first asynchronous file call starts libuv's thread pool and waits for its threads
 * (~1-3 ms of wall time measured, against ~0.07 ms for the same calls made synchronously), while a cold start has
 * nothing to do but wait for these answers anyway.
 */
export function isRepository(dir: string): boolean {
  try {
    return statSync(join(dir, '.git', 'HEAD')).isFile();
  } catch {
    return false;
  }
}
