/**
 * @module The derived page index: metadata, link graph, per-page history and changelog, kept in step with the
 * branch by replaying only new commits (tree diffs), or built from the head's tree alone when there is no cache
 * ({@link PageIndex.snapshot}). State is private: callers ask through methods, and may listen for changed pages.
 */
import type { CommitData, FileChange, GitStore } from './git-store.js';
import type { CommitRecord, IndexState, OwnCommit, PagesChanged } from './page-index-types.js';
import { describePage, type PageMeta } from './page-description.js';
import { PageTable } from './page-table.js';
import { DEFAULT_PAGE_NAMING, pageDisplayName, pageFileName, type PageNaming } from './page-names.js';
import { fileToKey, isAttachmentOf } from './paths.js';

export type { PageMeta } from './page-description.js';
export type { CommitRecord, IndexState, OwnCommit, PagesChanged } from './page-index-types.js';

/** The in-memory index; one per `Wiki`. */
export class PageIndex {
  private indexedHead: string | null = null;
  private readonly files = new Map<string, string>();
  private readonly pages: PageTable;
  /** Commit ids that changed each page (by key), oldest first; kept for deleted pages too. */
  private readonly history = new Map<string, string[]>();
  private readonly commits = new Map<string, CommitRecord>();
  /** Commit ids along the branch's first-parent chain, oldest first, and each one's position in it. */
  private readonly changelog: string[] = [];
  private readonly position = new Map<string, number>();
  private readonly listeners: ((change: PagesChanged) => void)[] = [];
  private partial = false; // after a snapshot, until a complete history is imported

  constructor(
    private readonly store: GitStore,
    private readonly naming: PageNaming = DEFAULT_PAGE_NAMING,
  ) {
    this.pages = new PageTable(store, naming);
  }

  /** The commit the index describes (null: empty repository). */
  get head(): string | null {
    return this.indexedHead;
  }

  /** False while history is only the snapshot's head commit. */
  get complete(): boolean {
    return !this.partial;
  }

  /**
   * Calls `listener` after every catch-up that changed pages (own writes, other processes' commits, rebuilds),
   * once the new head is published. Listeners run synchronously: queue slow work (e.g. embeddings) elsewhere.
   */
  onPagesChanged(listener: (change: PagesChanged) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Brings the index to `head` by replaying the commits after the indexed one. If the indexed commit is not in
   * the branch's history (history rewritten, or no cache), rebuilds from scratch. Returns how many commits it read.
   * `own` is a commit this process made: its changes are taken as given instead of diffing its tree. `pause` is
   * awaited now and then during a long replay (a background one lets requests run in between).
   */
  async catchUp(head: string | null, own?: OwnCommit, pause?: () => Promise<void>): Promise<number> {
    // The branch only moves forward: a commit already indexed is a stale view of an older head (a racing reader).
    if (head === this.indexedHead || (head !== null && this.position.has(head))) return 0;
    const chain: CommitData[] = [];
    let cursor = head;
    while (cursor !== null && cursor !== this.indexedHead) {
      const commit = cursor === own?.commit.oid ? own.commit : await this.store.readCommit(cursor);
      chain.push(commit);
      cursor = commit.parent;
      if (pause && chain.length % 256 === 0) await pause();
    }
    const rebuilt = cursor !== this.indexedHead;
    if (rebuilt) this.reset();
    const touched = new Set<string>();
    for (const commit of chain.reverse()) {
      await this.apply(commit, touched, commit === own?.commit ? own.changes : undefined);
      if (pause && this.changelog.length % 64 === 0) await pause();
    }
    let described = 0;
    for (const key of touched) {
      await this.describe(key);
      // A replayed history touches every page: describing 10,000 of them in one go held the thread for seconds.
      if (pause && ++described % 64 === 0) await pause();
    }
    // Last: a concurrent reader that sees this head must also see the pages of it.
    this.indexedHead = head;
    if (touched.size > 0 || rebuilt) this.notify({ head, keys: [...touched], rebuilt });
    return chain.length;
  }

  /**
   * Builds the index from `head`'s tree alone, reading no other commit: every file and page as they are at
   * `head`, with a history that is only `head` itself (as if it had made every page) until a complete one is
   * adopted ({@link importState}). Opening a long history without a cache is then as fast as listing one tree.
   */
  async snapshot(head: string): Promise<void> {
    this.reset();
    const commit = await this.store.readCommit(head);
    await this.pages.prepare();
    for (const { path, oid } of await this.store.listFiles(commit.tree)) this.files.set(path, oid);
    const history = [head]; // shared by every page until one changes (see `apply`)
    for (const [file, oid] of this.files) {
      const key = fileToKey(file)?.toLowerCase();
      if (key === undefined || this.pages.has(key)) continue;
      this.pages.addPending(key, file, oid); // described when first asked for (`page-table.ts`)
      this.history.set(key, history);
    }
    this.commits.set(head, { ...commit, files: [], pages: [] });
    this.position.set(head, 0);
    this.changelog.push(head);
    this.partial = true;
    this.indexedHead = head;
    this.notify({ head, keys: [...this.pages.keys()], rebuilt: true });
  }

  private notify(change: PagesChanged): void {
    for (const listener of this.listeners) listener(change);
  }

  private reset(): void {
    this.indexedHead = null;
    this.partial = false;
    for (const map of [this.files, this.pages, this.history, this.commits, this.position]) map.clear();
    this.changelog.length = 0;
  }

  private async apply(commit: CommitData, touched: Set<string>, known?: readonly FileChange[]): Promise<void> {
    const changes = known ?? (await this.store.diffTrees(await this.parentTree(commit), commit.tree));
    const pages: string[] = [];
    for (const change of changes) {
      if (change.newOid) this.files.set(change.file, change.newOid);
      else this.files.delete(change.file);
      const key = fileToKey(change.file)?.toLowerCase();
      if (key === undefined) continue;
      this.history.set(key, [...(this.history.get(key) ?? []), commit.oid]);
      touched.add(key);
      pages.push(this.pages.get(key)?.path ?? pageDisplayName(change.file, this.naming));
    }
    this.commits.set(commit.oid, { ...commit, files: changes.map((c) => c.file), pages });
    this.position.set(commit.oid, this.changelog.length);
    this.changelog.push(commit.oid);
  }

  private async parentTree(commit: CommitData): Promise<string | null> {
    if (commit.parent === null) return null;
    return this.commits.get(commit.parent)?.tree ?? (await this.store.readCommit(commit.parent)).tree;
  }

  /** Re-reads one page's metadata at the indexed commit (or forgets it when its file is gone). */
  private async describe(key: string): Promise<void> {
    const file = this.fileOfKey(key);
    const oid = file === null ? undefined : this.files.get(file);
    if (file === null || oid === undefined) this.pages.delete(key);
    else this.pages.set(key, await describePage(this.store, file, oid, this.naming));
  }

  /**
   * The file holding page `key`: the Otterwiki name, or one spelt otherwise (other casing, as with retained name
   * case or a dropped-in repository; NFD).
   */
  private fileOfKey(key: string): string | null {
    const file = `${key}.md`;
    if (this.files.has(file)) return file;
    const known = this.pages.blob(key)?.file;
    if (known && this.files.has(known)) return known;
    for (const candidate of this.files.keys()) if (fileToKey(candidate) === key) return candidate;
    return null;
  }

  /** The page with key `key` at the indexed commit. */
  page(key: string): PageMeta | undefined {
    return this.pages.get(key);
  }

  hasPage(key: string): boolean {
    return this.pages.has(key);
  }

  /** File and blob of page `key`, without describing it (what a full-text scan needs). */
  pageBlob(key: string): { readonly file: string; readonly oid: string } | undefined {
    return this.pages.blob(key);
  }

  /** Every page with its key, in no particular order. */
  pageEntries(): IterableIterator<[string, PageMeta]> {
    return this.pages.entries();
  }

  /** Page keys in code-unit order (cheap and stable; locale collation is far too slow for 10k rows per call). */
  sortedKeys(): readonly string[] {
    return this.pages.sortedKeys();
  }

  /** The blob id of any file (page or attachment) at the indexed commit. */
  fileOid(file: string): string | undefined {
    return this.files.get(file);
  }

  /** Files stored as attachments of the page file `pageFile`. */
  attachmentsOf(pageFile: string): string[] {
    return [...this.files.keys()].filter((file) => isAttachmentOf(file, pageFile));
  }

  /** Ids of the commits that changed page `key`, oldest first (also for a deleted page). */
  historyOf(key: string): readonly string[] {
    return this.history.get(key) ?? [];
  }

  /** A commit of the indexed first-parent chain. */
  commit(oid: string): CommitRecord | undefined {
    return this.commits.get(oid);
  }

  /** Where `oid` is in the first-parent chain (0 = root), or undefined when it is not in it. */
  positionOf(oid: string): number | undefined {
    return this.position.get(oid);
  }

  /** Ids of the chain's commits after position `from` (exclusive), oldest first. */
  commitsAfter(from: number): readonly string[] {
    return this.changelog.slice(from + 1);
  }

  /** The newest `limit` commit ids of the chain, oldest first. */
  latestCommits(limit: number): readonly string[] {
    return this.changelog.slice(-limit);
  }

  /** Full ids of the chain's commits starting with `prefix`. */
  commitsStartingWith(prefix: string): string[] {
    return this.changelog.filter((oid) => oid.startsWith(prefix));
  }

  /** The newest commit that changed page `key`. */
  lastRevision(key: string): CommitRecord | undefined {
    const list = this.history.get(key);
    return list && list.length > 0 ? this.commits.get(list[list.length - 1]!) : undefined;
  }

  /** The newest commit at or before `commit` that changed page `key`. */
  revisionAt(key: string, commit: string): CommitRecord | undefined {
    const limit = this.position.get(commit);
    if (limit === undefined) return undefined;
    const list = this.history.get(key) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      if (this.position.get(list[i]!)! <= limit) return this.commits.get(list[i]!);
    }
    return undefined;
  }

  /**
   * Display path of a link target: the existing page's path, else the name its page would be shown under once
   * created (Otterwiki's rule: `[[NewTarget]]` → `Newtarget`), or the target as written if it names no page.
   */
  displayOf(target: string): string {
    const page = this.pages.get(target.toLowerCase());
    if (page) return page.path;
    try {
      return pageDisplayName(pageFileName(target, this.naming), this.naming);
    } catch {
      return target;
    }
  }

  /** Target key → keys of pages linking to it. Built lazily, dropped whenever a page changes. */
  incomingLinks(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.pages.incomingLinks();
  }

  /** The whole state as plain data: for the cache file (`index-cache.ts`) and for {@link adopt}. */
  exportState(): IndexState {
    return {
      head: this.indexedHead,
      files: [...this.files],
      pages: [...this.pages.values()],
      history: [...this.history].map(([key, list]) => [key, [...list]]),
      commits: this.changelog.map((oid) => this.commits.get(oid)!),
      partial: this.partial,
    };
  }

  /** Replaces the whole state (a cache file's, or a complete history built in the background). */
  importState(data: IndexState): void {
    this.reset();
    for (const [file, oid] of data.files) this.files.set(file, oid);
    for (const meta of data.pages) this.pages.set(fileToKey(meta.file)!.toLowerCase(), meta);
    for (const [key, list] of data.history) this.history.set(key, list);
    for (const record of data.commits) {
      this.commits.set(record.oid, record);
      this.position.set(record.oid, this.changelog.length);
      this.changelog.push(record.oid);
    }
    this.partial = data.partial;
    this.indexedHead = data.head;
    this.notify({ head: data.head, keys: [...this.pages.keys()], rebuilt: true });
  }
}
