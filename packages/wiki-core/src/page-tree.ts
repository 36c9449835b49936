/**
 * @module One level of the page tree: the pages and folders directly inside a folder, found in the index's sorted
 * keys by binary search, skipping each sub-folder's contents in one step. A sidebar asks for a few levels per
 * view (the top and the current page's ancestors), so a view costs O(entries shown · log pages), not a walk over
 * all 10,000 pages.
 */
import type { PageIndex } from './page-index.js';
import { pageKey } from './paths.js';

/** A page or folder directly inside a folder of the page tree. */
export interface PageTreeEntry {
  /** Last segment of its path, as shown. */
  readonly name: string;
  /** Display path (a page's name; a folder's path as its pages spell it). */
  readonly path: string;
  /** A page exists at this path. */
  readonly page: boolean;
  /** Pages exist under `path/`. */
  readonly folder: boolean;
}

/** The first index in sorted `keys` whose key is ≥ `target`. */
function lowerBound(keys: readonly string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The key just after every key under `prefix/` in code-unit order ('0' follows '/'). */
const pastFolder = (folderKey: string): string => `${folderKey}0`;

/**
 * Levels already listed, per version of the sorted keys: the index makes a new array whenever any page changes, so
 * a level is reused until then (a flat 10,000-page top level took 3.4 ms per view). At most
 * {@link CACHED_LEVELS} folders per version, so asking for made-up folders cannot grow it.
 */
const cache = new WeakMap<readonly string[], Map<string, readonly PageTreeEntry[]>>();
const CACHED_LEVELS = 256;

/**
 * Entries directly inside `folder` ('' for the top level), in key order; a name that is both a page and a folder
 * is one entry.
 */
export function pageTreeLevel(index: PageIndex, folder: string): PageTreeEntry[] {
  const keys = index.sortedKeys();
  const prefix = folder.trim() === '' ? '' : `${pageKey(folder)}/`;
  let levels = cache.get(keys);
  if (!levels) cache.set(keys, (levels = new Map()));
  const hit = levels.get(prefix);
  if (hit) return [...hit];
  const entries = listLevel(index, keys, prefix);
  if (levels.size < CACHED_LEVELS) levels.set(prefix, entries);
  return [...entries];
}

function listLevel(index: PageIndex, keys: readonly string[], prefix: string): PageTreeEntry[] {
  const end = prefix === '' ? keys.length : lowerBound(keys, pastFolder(prefix.slice(0, -1)));
  const entries: PageTreeEntry[] = [];
  const at = new Map<string, number>();
  let i = lowerBound(keys, prefix);
  while (i < end) {
    const key = keys[i]!;
    const slash = key.indexOf('/', prefix.length);
    const childKey = slash === -1 ? key : key.slice(0, slash);
    const meta = index.page(childKey);
    // A folder's spelling comes from a page inside it when it has no page of its own.
    const path = meta?.path ?? index.page(key)!.path.split('/').slice(0, childKey.split('/').length).join('/');
    // A page `a` sorts before `a b`, which sorts before the folder `a/`: the folder joins the page's entry.
    const seen = at.get(childKey);
    if (seen !== undefined) entries[seen] = { ...entries[seen]!, folder: true };
    else {
      at.set(childKey, entries.length);
      entries.push({ name: path.split('/').pop()!, path, page: meta !== undefined, folder: slash !== -1 });
    }
    i = slash === -1 ? i + 1 : lowerBound(keys, pastFolder(childKey));
  }
  return entries;
}
