/**
 * @module Full-text search by scanning every page's text: what answers while the full-text index is still being
 * built (a repository opened with no search cache). Building MiniSearch over 10,000 pages costs ~6 s of CPU (page
 * descriptions, then ~1.5 million terms added one by one); reading the 10,000 texts and scanning them costs ~0.5 s,
 * and every later scan ~50 ms, so the first search of a cold process answers in about a second instead of a minute.
 *
 * Same words as the index: MiniSearch's own tokenizer and term processing, a word matched whole (the last one also
 * as a prefix when it has 4 or more characters), all words else any word. Differences, while it serves: it reads the
 * page's raw text (frontmatter included, so tags match), ranks with a plain BM25 of that text plus a bonus for the
 * name, and does not match typos. Then the index takes over.
 */
import MiniSearch from 'minisearch';
import type { GitStore } from './git-store.js';
import type { PageIndex } from './page-index.js';

/** One page found by a scan. */
export interface ScanHit {
  readonly key: string;
  readonly score: number;
  /** The query's words found in the page. */
  readonly terms: string[];
}

/** What separates MiniSearch's tokens (its default tokenizer splits on these). */
const SEPARATOR = /[\n\r\p{Z}\p{P}]/u;
const PREFIX_MIN = 4;
const K1 = 1.2;
const B = 0.75;
const NAME_BOOST = 2;

interface ScannedPage {
  readonly oid: string;
  /** The page's text, lower-cased. */
  readonly text: string;
  /** Its file name without `.md`, lower-cased. */
  readonly name: string;
}

/** The page texts of one `Wiki`, read once and kept in step with the index's blobs. */
export class SearchScan {
  private readonly pages = new Map<string, ScannedPage>();

  constructor(
    private readonly index: PageIndex,
    private readonly store: GitStore,
  ) {}

  /** Pages matching `query`, best first. */
  search(query: string, limit: number): ScanHit[] {
    const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
    const normalize = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined;
    const terms = [
      ...new Set(
        tokenize(query)
          .map((t) => normalize(t))
          .filter((t): t is string => !!t),
      ),
    ];
    if (terms.length === 0) return [];
    this.refresh();
    const prefix = (i: number): boolean => i === terms.length - 1 && terms[i]!.length >= PREFIX_MIN;
    let total = 0;
    type Found = { counts: number[]; named: boolean[]; length: number };
    const found = new Map<string, Found>();
    // A word is in a page when it is in its text or its name (the index has the path as a field).
    const has = (f: Found, i: number): boolean => f.counts[i]! > 0 || f.named[i]!;
    for (const [key, page] of this.pages) {
      total += page.text.length;
      const counts = terms.map((term, i) => occurrences(page.text, term, prefix(i)));
      const named = terms.map((term, i) => occurrences(page.name, term, prefix(i)) > 0);
      if (counts.every((c) => c === 0) && named.every((n) => !n)) continue;
      found.set(key, { counts, named, length: page.text.length });
    }
    const average = total / Math.max(1, this.pages.size);
    const df = terms.map((_, i) => [...found.values()].filter((f) => has(f, i)).length);
    const idf = df.map((d) => Math.log(1 + (this.pages.size - d + 0.5) / (d + 0.5)));
    const all = [...found].filter(([, f]) => terms.every((_, i) => has(f, i)));
    const hits = (all.length > 0 ? all : [...found]).map(([key, f]) => {
      let score = 0;
      f.counts.forEach((tf, i) => {
        const norm = K1 * (1 - B + (B * f.length) / average);
        score += idf[i]! * ((tf * (K1 + 1)) / (tf + norm) + (f.named[i] ? NAME_BOOST : 0));
      });
      return { key, score, terms: terms.filter((_, i) => has(f, i)) };
    });
    return hits.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1)).slice(0, limit);
  }

  /** Reads the texts of pages added or changed since the last scan; forgets deleted ones. */
  private refresh(): void {
    const keys = this.index.sortedKeys();
    if (this.pages.size > keys.length) {
      const live = new Set(keys);
      for (const key of this.pages.keys()) if (!live.has(key)) this.pages.delete(key);
    }
    for (const key of keys) {
      const blob = this.index.pageBlob(key);
      if (blob === undefined || this.pages.get(key)?.oid === blob.oid) continue;
      const text = this.store.readTextSync(blob.oid, false).toLowerCase();
      this.pages.set(key, { oid: blob.oid, text, name: blob.file.replace(/\.md$/i, '').toLowerCase() });
    }
  }
}

/** How often `term` occurs in `text` as a whole token (or at a token's start, with `prefix`). */
function occurrences(text: string, term: string, prefix: boolean): number {
  let count = 0;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
    if (at > 0 && !SEPARATOR.test(text[at - 1]!)) continue;
    const end = at + term.length;
    if (!prefix && end < text.length && !SEPARATOR.test(text[end]!)) continue;
    count++;
  }
  return count;
}
