/** @module Which of a render's WikiLink targets exist (red links), asked of the wiki the page is in. */
import type { WikiApi } from '@wikibot/wiki-core';

/** Tells which of the given canonical page paths exist. */
export type ExistingPages = (paths: readonly string[]) => Promise<ReadonlySet<string>>;

/** Beyond this many link targets one page listing is cheaper than one `exists` per target. */
const EXISTS_CALLS_MAX = 16;

/** Which of the given (canonical) pages exist. Page identity is case-insensitive, as in wiki-core. */
export function existingPages(wiki: WikiApi): ExistingPages {
  return async (paths) => {
    if (paths.length > EXISTS_CALLS_MAX) {
      const keys = new Set((await wiki.listPages()).map((p) => p.path.toLowerCase()));
      return new Set(paths.filter((p) => keys.has(p.toLowerCase())));
    }
    const flags = await Promise.all(paths.map((p) => wiki.exists(p).catch(() => false)));
    return new Set(paths.filter((_, i) => flags[i]));
  };
}
