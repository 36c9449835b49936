/**
 * @module Reads that look back through a page's history — its diff between two revisions and its blame at one —
 * kept out of `wiki.ts` so the facade only routes calls. Both resolve revisions the way git does
 * (`GitStore.resolveCommit`) and name the page by its file, so a deleted or renamed page is still found.
 */
import { blamePage, type Blame } from './blame.js';
import { boundedDiff } from './bounded-diff.js';
import { PageNotFoundError } from './errors.js';
import type { GitStore } from './git-store.js';
import type { IndexSync } from './index-sync.js';
import type { PageIndex } from './page-index.js';
import type { PageReader } from './page-reader.js';
import { normalizePagePath, pageKey } from './paths.js';

/** What the history reads need of an open wiki. */
export interface HistoryReadContext {
  readonly index: PageIndex;
  readonly store: GitStore;
  readonly reader: PageReader;
  readonly indexSync: IndexSync;
}

/** The bounded unified diff of `path` between two revisions (`to` defaults to the head). */
export async function pageDiff(ctx: HistoryReadContext, path: string, from: string, to?: string): Promise<string> {
  const { index, store, reader, indexSync } = ctx;
  const key = pageKey(path);
  await indexSync.sync();
  const fromOid = await store.resolveCommit(from);
  const toOid = to === undefined ? (index.head ?? '') : await store.resolveCommit(to);
  if (!index.hasPage(key)) await indexSync.historyComplete(); // a deleted page's file
  const { file, display } = reader.fileAndName(key, path);
  const [a, b] = await Promise.all([store.fileAt(fromOid, file), store.fileAt(toOid, file)]);
  if (a === null && b === null) throw new PageNotFoundError(normalizePagePath(path));
  const text = async (oid: string | null): Promise<string> => (oid === null ? '' : store.readText(oid));
  const [oldText, newText] = [await text(a), await text(b)];
  return boundedDiff({ path: display, file, fromRevision: fromOid, toRevision: toOid, oldText, newText });
}

/** Who last changed each line of `path`, at the head or as of `revision`. */
export async function pageBlame(ctx: HistoryReadContext, path: string, revision?: string): Promise<Blame> {
  const { index, store, reader } = ctx;
  const key = pageKey(path);
  const history = index.historyOf(key);
  let upTo = history.length - 1;
  if (revision !== undefined) {
    const last = index.revisionAt(key, await store.resolveCommit(revision));
    upTo = last === undefined ? -1 : history.lastIndexOf(last.oid);
  }
  if (upTo < 0) throw new PageNotFoundError(normalizePagePath(path));
  return blamePage(index, store, { key, path: reader.fileAndName(key, path).display, upTo });
}
