/**
 * @module Full-text search over MiniSearch: built once, persisted beside the page index, then updated only for
 * pages changed by new commits. Snippets come from the page text around the best match.
 */
import * as fsp from 'node:fs/promises';
import MiniSearch from 'minisearch';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-fs.js';
import type { GitStore } from './git-store.js';
import { readFrontmatter, searchText, stripFrontmatter } from './markdown.js';
import { fileToKey } from './paths.js';
import type { PageIndex } from './page-index.js';
import { SearchScan } from './search-scan.js';
import type { SearchHit } from './types.js';

const CACHE_VERSION = 1;
/** Persist again after this many commits were applied since the last save. */
const SAVE_EVERY_COMMITS = 256;
const SNIPPET_CHARS = 160;

/**
 * Above this many pages, a first build (no usable cache) runs in the background and searches scan meanwhile
 * (`search-scan.ts`); below it, building costs less than ~0.3 s and the first search waits for it.
 */
export const SCAN_ABOVE_PAGES = 500;

/** Lets timers (a held write lock's heartbeat) and requests run. */
const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface SearchDoc {
  id: string;
  path: string;
  title: string;
  tags: string;
  body: string;
}

const OPTIONS = {
  fields: ['title', 'path', 'tags', 'body'],
  storeFields: [] as string[],
  searchOptions: {
    boost: { title: 3, path: 2, tags: 2 },
    // Prefix matching (search-as-you-type) for the last word only: expanding every word is what gets slow.
    prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 4,
    fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
    maxFuzzy: 2,
  },
};

/** The search index of one `Wiki`. */
export class SearchIndex {
  private mini: MiniSearch<SearchDoc> | null = null;
  private head: string | null = null;
  private savedPosition = -1;
  private updating: Promise<unknown> = Promise.resolve();
  /** A first build in the background (no usable cache), and the scan answering meanwhile (`search-scan.ts`). */
  private building: Promise<void> | null = null;
  private scan: SearchScan | null = null;

  constructor(
    private readonly file: string,
    private readonly index: PageIndex,
    private readonly store: GitStore,
    private readonly write: AtomicWriteOptions,
  ) {}

  /** Ranked hits for `query`: all words (exact or prefix), else any word, else any word with typos allowed. */
  async search(query: string, limit: number): Promise<SearchHit[]> {
    const q = query.trim().slice(0, 500);
    if (q === '') return [];
    const mini = await this.ensure();
    if (mini === null) return this.scanned(q, limit);
    // Cheapest first: all words (exact or prefix), then any word; typo-tolerant (fuzzy) matching, the expensive
    // part over a large vocabulary, only when neither finds anything.
    let results = mini.search(q, { combineWith: 'AND', fuzzy: false });
    if (results.length === 0) results = mini.search(q, { combineWith: 'OR', fuzzy: false });
    if (results.length === 0) results = mini.search(q, { combineWith: 'OR' });
    const hits: SearchHit[] = [];
    for (const result of results.slice(0, limit)) {
      const hit = await this.hit(result.id as string, result.score, result.terms, q);
      if (hit) hits.push(hit);
    }
    return hits;
  }

  /**
   * Hits from scanning the pages' texts, while the index is built in the background. A query the scan finds
   * nothing for waits for the index, which also matches words with typos.
   */
  private async scanned(q: string, limit: number): Promise<SearchHit[]> {
    this.scan ??= new SearchScan(this.index, this.store);
    const found = this.scan.search(q, limit);
    if (found.length === 0) {
      await this.building?.catch(() => undefined);
      return this.mini === null ? [] : this.search(q, limit);
    }
    const hits: SearchHit[] = [];
    for (const page of found) {
      const hit = await this.hit(page.key, page.score, page.terms, q);
      if (hit) hits.push(hit);
    }
    return hits;
  }

  private async hit(key: string, score: number, terms: string[], q: string): Promise<SearchHit | null> {
    const meta = this.index.page(key);
    if (!meta) return null;
    const text = searchText(stripFrontmatter(await this.store.readText(meta.oid)));
    return { path: meta.path, title: meta.title, score, snippet: snippet(text, terms, q), terms };
  }

  /**
   * Loads the index (or, without a usable cache, starts building it in the background and returns null: scan
   * meanwhile) and applies commits it has not seen.
   */
  private ensure(): Promise<MiniSearch<SearchDoc> | null> {
    // One update at a time: two concurrent searches must not add the same document twice.
    const run = this.updating.then(async () => {
      if (this.mini === null && this.building === null) await this.load();
      if (this.mini === null && this.building === null && this.index.sortedKeys().length <= SCAN_ABOVE_PAGES)
        await this.catchUp();
      if (this.mini === null) {
        // Started after this search's scan has answered (the build yields to requests every 256 pages).
        this.building ??= pause()
          .then(() => this.catchUp())
          .finally(() => {
            this.building = null;
            this.scan = null; // the index answers from now on
          });
        this.building.catch(() => undefined); // a failed build is started again by the next search
        return null;
      }
      if (this.head !== this.index.head) await this.catchUp();
      return this.mini;
    });
    this.updating = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<void> {
    try {
      const text = await fsp.readFile(this.file, 'utf8');
      const newline = text.indexOf('\n');
      const header = JSON.parse(text.slice(0, newline)) as { version: number; head: string };
      const position = this.index.positionOf(header.head);
      if (header.version !== CACHE_VERSION || position === undefined) return;
      this.mini = MiniSearch.loadJSON<SearchDoc>(text.slice(newline + 1), OPTIONS);
      this.head = header.head;
      this.savedPosition = position;
    } catch {
      this.mini = null; // missing or corrupt: rebuilt below
    }
  }

  private async catchUp(): Promise<void> {
    const from = this.head === null ? undefined : this.index.positionOf(this.head);
    const head = this.index.head; // pages changed while building are caught up from here next time
    if (this.mini === null || from === undefined) {
      const mini = new MiniSearch<SearchDoc>(OPTIONS);
      let n = 0;
      for (const key of [...this.index.sortedKeys()]) {
        // Thousands of pages: let timers (a held write lock's heartbeat) and requests run in between.
        if (++n % 256 === 0) await pause();
        if (this.index.hasPage(key)) mini.add(await this.document(key));
      }
      this.mini = mini;
    } else {
      const keys = new Set<string>();
      for (const oid of this.index.commitsAfter(from)) {
        for (const file of this.index.commit(oid)!.files) {
          const key = fileToKey(file)?.toLowerCase();
          if (key !== undefined) keys.add(key);
        }
      }
      for (const key of keys) {
        if (this.mini.has(key)) this.mini.discard(key);
        if (this.index.hasPage(key)) this.mini.add(await this.document(key));
      }
    }
    this.head = head;
    const position = this.head === null ? -1 : (this.index.positionOf(this.head) ?? -1);
    if (from === undefined || position - this.savedPosition >= SAVE_EVERY_COMMITS) await this.save(position);
  }

  /** Saves the index now if it is loaded and newer than its file. */
  async flush(): Promise<void> {
    await this.updating;
    await this.building?.catch(() => undefined);
    const position = this.head === null ? undefined : this.index.positionOf(this.head);
    if (position !== undefined && position > this.savedPosition) await this.save(position);
  }

  private async save(position: number): Promise<void> {
    if (this.mini === null || this.head === null) return;
    const header = JSON.stringify({ version: CACHE_VERSION, head: this.head });
    await writeFileAtomic(this.file, `${header}\n${JSON.stringify(this.mini)}`, this.write).catch(() => undefined);
    this.savedPosition = position;
  }

  private async document(key: string): Promise<SearchDoc> {
    const meta = this.index.page(key)!;
    const body = (await readFrontmatter(await this.store.readText(meta.oid))).body;
    return { id: key, path: meta.path, title: meta.title, tags: meta.tags.join(' '), body: searchText(body) };
  }
}

/** About {@link SNIPPET_CHARS} characters of `text` around the earliest occurrence of a matched term. */
export function snippet(text: string, terms: readonly string[], query: string): string {
  const lower = text.toLowerCase();
  const words = [...terms, ...query.toLowerCase().split(/\s+/)].filter((w) => w.length > 0);
  let at = -1;
  for (const word of words) {
    const i = lower.indexOf(word.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (text.length <= SNIPPET_CHARS) return text;
  const start = Math.max(0, (at < 0 ? 0 : at) - SNIPPET_CHARS / 3);
  let from = start === 0 ? 0 : text.indexOf(' ', start) + 1 || start;
  if (from > at && at >= 0) from = start;
  let to = Math.min(text.length, from + SNIPPET_CHARS);
  if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}
