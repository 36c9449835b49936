/**
 * @module The page index's cache file (`.git/wikibot/index-v2.json`): its state keyed by the commit it describes,
 * with the naming setting it was built under. Disposable: an unusable file is ignored and the index rebuilt.
 */
import type { IndexState, PageIndex } from './page-index.js';

// 2: display paths follow Otterwiki's rule (version 1 took them from Wiki-Page trailers).
const CACHE_VERSION = 2;

/** The cache file's content, or null while the index's history is partial (that is never saved). */
export function encodeIndexCache(index: PageIndex, retainCase: boolean): string | null {
  if (!index.complete) return null; // before exporting: that describes every page
  return JSON.stringify({ version: CACHE_VERSION, retainCase, ...index.exportState() });
}

/** Loads a cache file's content into `index`; false (index untouched) when it is unusable. */
export function loadIndexCache(index: PageIndex, json: string, retainCase: boolean): boolean {
  try {
    const data = JSON.parse(json) as IndexState & { version: number; retainCase: boolean };
    // Names depend on the naming setting: a cache written under the other one is rebuilt.
    if (data.version !== CACHE_VERSION || data.retainCase !== retainCase || data.partial) return false;
    index.importState(data);
    return true;
  } catch {
    return false;
  }
}
