/**
 * @module Read-only questions answered from the page index alone (no object reads): listings, links, orphans,
 * history, changelog and the base-revision check. `Wiki` syncs the index first and then asks these.
 */
import { displayMessage } from './commit-message.js';
import { EditConflictError, InvalidArgumentError, PageNotFoundError, RevisionRequiredError } from './errors.js';
import type { CommitRecord, PageIndex } from './page-index.js';
import type { ListFilter, PageLinks, PageSummary, Revision } from './types.js';

/** Pages matching all given filters, in path order (the index keeps its keys sorted). */
export function listPages(index: PageIndex, filter: ListFilter): PageSummary[] {
  const since = parseSince(filter.updatedSince);
  const prefix = filter.prefix?.normalize('NFC').trim().replace(/^\/+/, '').toLowerCase();
  const category = filter.category?.toLowerCase();
  const tag = filter.tag?.toLowerCase();
  const rows: PageSummary[] = [];
  for (const key of index.sortedKeys()) {
    const meta = index.page(key)!;
    if (prefix && !key.startsWith(prefix)) continue;
    if (category !== undefined && meta.category?.toLowerCase() !== category) continue;
    if (tag !== undefined && !meta.tags.some((t) => t.toLowerCase() === tag)) continue;
    const last = index.lastRevision(key)!;
    if (since !== undefined && Date.parse(last.date) < since) continue;
    rows.push({
      path: meta.path,
      title: meta.title,
      ...(meta.category === undefined ? {} : { category: meta.category }),
      tags: meta.tags,
      updated: last.date,
      revision: last.oid,
      size: meta.size,
    });
  }
  return rows;
}

/** Validates `updatedSince` before any work. @throws InvalidArgumentError */
export function parseSince(updatedSince: string | undefined): number | undefined {
  if (updatedSince === undefined) return undefined;
  const since = Date.parse(updatedSince);
  if (Number.isNaN(since)) throw new InvalidArgumentError(`updatedSince "${updatedSince}" is not an ISO 8601 date`);
  return since;
}

/** Links into and out of page `key` (a missing page still has incoming links). */
export function pageLinks(index: PageIndex, key: string, fallbackPath: string): PageLinks {
  const meta = index.page(key);
  const links = meta?.links ?? [];
  return {
    path: meta?.path ?? fallbackPath,
    outgoing: links.map((l) => index.displayOf(l)),
    incoming: [...(index.incomingLinks().get(key) ?? [])].map((k) => index.page(k)!.path).sort(),
    missing: links.filter((l) => !index.hasPage(l.toLowerCase())),
  };
}

/** Page → the pages it links to. */
export function linkGraph(index: PageIndex): Record<string, readonly string[]> {
  const graph: Record<string, readonly string[]> = {};
  for (const [, meta] of index.pageEntries()) graph[meta.path] = meta.links.map((l) => index.displayOf(l));
  return graph;
}

/** Pages nothing links to, Home excluded. */
export function orphans(index: PageIndex): string[] {
  const incoming = index.incomingLinks();
  return [...index.pageEntries()]
    .filter(([key]) => key !== 'home' && !incoming.has(key))
    .map(([, meta]) => meta.path)
    .sort();
}

/** The newest `limit` commits of a page. @throws PageNotFoundError when it never existed */
export function pageHistory(index: PageIndex, key: string, path: string, limit: number): Revision[] {
  const list = index.historyOf(key);
  if (list.length === 0) throw new PageNotFoundError(path);
  return newestFirst(index, list.slice(-limit));
}

/** The newest `limit` commits of the branch after skipping the newest `offset` (for paging). */
export function changelog(index: PageIndex, limit: number, offset = 0): Revision[] {
  const newest = index.latestCommits(limit + offset);
  return newestFirst(index, newest.slice(0, Math.max(0, newest.length - offset)));
}

/** A caller's `offset`: a whole number ≥ 0, 0 when absent. @throws InvalidArgumentError otherwise */
export function parseOffset(offset: number | undefined): number {
  if (offset === undefined) return 0;
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw new InvalidArgumentError(`offset ${offset} is not a whole number ≥ 0`);
  return offset;
}

/** Revisions of `oids` (oldest first), newest first. */
function newestFirst(index: PageIndex, oids: readonly string[]): Revision[] {
  return [...oids].reverse().map((oid) => toRevision(index, index.commit(oid)!));
}

function toRevision(index: PageIndex, record: CommitRecord): Revision {
  return {
    revision: record.oid,
    author: record.author,
    date: record.date,
    message: displayMessage(record.message),
    // Pages that still exist are shown under their current names.
    paths: record.pages.map((path) => index.displayOf(path)),
  };
}

/**
 * Refuses a write based on a revision older than the page's latest change. A base at or after that change
 * (e.g. the head commit the caller read at) is fine; an unknown base is a conflict too.
 * @throws EditConflictError; RevisionRequiredError when `required`, the page exists and no base was given
 */
export function checkBaseRevision(
  index: PageIndex,
  key: string,
  display: string,
  base: string | undefined,
  required = false,
): void {
  const last = index.lastRevision(key);
  if (base === undefined) {
    if (required && index.hasPage(key))
      throw new RevisionRequiredError(index.page(key)!.path, last?.oid ?? index.head ?? '');
    return;
  }
  const baseOid = expandKnown(index, base);
  const basePos = baseOid === undefined ? undefined : index.positionOf(baseOid);
  const lastPos = last === undefined ? -1 : index.positionOf(last.oid)!;
  if (basePos === undefined || basePos < lastPos)
    throw new EditConflictError(display, base, last?.oid ?? index.head ?? '');
}

/** A full commit id of the branch from a full or abbreviated one. */
function expandKnown(index: PageIndex, revision: string): string | undefined {
  const rev = revision.trim().toLowerCase();
  if (index.commit(rev)) return rev;
  if (!/^[0-9a-f]{4,39}$/.test(rev)) return undefined;
  const matches = index.commitsStartingWith(rev);
  return matches.length === 1 ? matches[0] : undefined;
}

const MAX_LIMIT = 1000;

/** A caller's `limit` as a whole number in 1..1000, or `fallback` when absent or not a number. */
export function clampLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}
