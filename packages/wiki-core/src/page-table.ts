/**
 * @module The page index's pages: each page's metadata by key, where pages listed from a snapshot's tree are
 * described only the first time they are asked for. Describing all 10,000 pages of a flat wiki up front (YAML,
 * links from markdown-it, one blob read each) took ~5 s of CPU before the first page could be served; reading one
 * page describes one, and answers about every page (links, listings, the cache) describe the rest.
 */
import type { GitStore } from './git-store.js';
import { describeText, loadPageParsers, type PageMeta, type PageParsers } from './page-description.js';
import type { PageNaming } from './page-names.js';

/** A page known by its file and blob only, until it is described. */
interface Pending {
  readonly file: string;
  readonly oid: string;
}

/** Pages by key (lower case), described on first use. */
export class PageTable {
  private readonly described = new Map<string, PageMeta>();
  private readonly pending = new Map<string, Pending>();
  private parsers: PageParsers | null = null;
  /** Derived lazily, dropped whenever a page is added, changed or removed. */
  private incoming: Map<string, Set<string>> | null = null;
  private sorted: string[] | null = null;

  constructor(
    private readonly store: GitStore,
    private readonly naming: PageNaming,
  ) {}

  /** Loads what describing a page synchronously needs (markdown-it, yaml): before adding pending pages. */
  async prepare(): Promise<void> {
    this.parsers ??= await loadPageParsers();
  }

  /** Lists page `key` to be described when first asked for (after {@link prepare}). */
  addPending(key: string, file: string, oid: string): void {
    this.changed();
    this.described.delete(key);
    this.pending.set(key, { file, oid });
  }

  /** Page `key`, described now if it was pending. */
  get(key: string): PageMeta | undefined {
    const pending = this.pending.get(key);
    if (pending === undefined) return this.described.get(key);
    const text = this.store.readTextSync(pending.oid);
    const meta = describeText(pending.file, pending.oid, text, this.naming, this.parsers!);
    this.pending.delete(key);
    this.described.set(key, meta);
    return meta;
  }

  set(key: string, meta: PageMeta): void {
    this.changed();
    this.pending.delete(key);
    this.described.set(key, meta);
  }

  delete(key: string): void {
    this.changed();
    this.pending.delete(key);
    this.described.delete(key);
  }

  has(key: string): boolean {
    return this.described.has(key) || this.pending.has(key);
  }

  /** File and blob of page `key`, without describing it. */
  blob(key: string): Pending | undefined {
    return this.pending.get(key) ?? this.described.get(key);
  }

  keys(): string[] {
    return [...this.described.keys(), ...this.pending.keys()];
  }

  /** Keys in code-unit order (cheap and stable; locale collation is far too slow for 10k rows per call). */
  sortedKeys(): readonly string[] {
    this.sorted ??= this.keys().sort();
    return this.sorted;
  }

  /** Target key → keys of pages linking to it (describes every page). */
  incomingLinks(): ReadonlyMap<string, ReadonlySet<string>> {
    if (this.incoming === null) {
      const incoming = new Map<string, Set<string>>();
      for (const [key, meta] of this.entries()) {
        for (const target of meta.links) {
          const t = target.toLowerCase();
          incoming.set(t, (incoming.get(t) ?? new Set()).add(key));
        }
      }
      this.incoming = incoming;
    }
    return this.incoming;
  }

  /** Every page, all described. */
  entries(): IterableIterator<[string, PageMeta]> {
    for (const key of [...this.pending.keys()]) this.get(key);
    return this.described.entries();
  }

  values(): IterableIterator<PageMeta> {
    return new Map(this.entries()).values();
  }

  clear(): void {
    this.changed();
    this.described.clear();
    this.pending.clear();
  }

  private changed(): void {
    this.incoming = null;
    this.sorted = null;
  }
}
