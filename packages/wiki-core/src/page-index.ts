/**
 * @module The derived page index: metadata, link graph, per-page history and changelog, kept in step with the
 * branch by replaying only new commits (tree diffs), and persisted as a disposable cache keyed by its commit.
 */
import { pageTrailers } from './commit-message.js';
import type { CommitData, FileChange, GitStore } from './git-store.js';
import { extractLinks, frontmatterCategory, frontmatterTags, pageTitle, parseFrontmatter } from './markdown.js';
import { fileToKey } from './paths.js';

/** What the index knows of a page at the indexed commit. */
export interface PageMeta {
  /** Display path (see README: display casing rule). */
  readonly path: string;
  readonly file: string;
  readonly oid: string;
  readonly title: string;
  readonly category?: string;
  readonly tags: readonly string[];
  /** Outgoing link targets, canonical, as written. */
  readonly links: readonly string[];
  readonly size: number;
}

/** A commit plus what it changed. */
export interface CommitRecord extends CommitData {
  readonly files: readonly string[];
  /** Display paths of the pages it changed. */
  readonly pages: readonly string[];
}

/** A commit this process just made, with the blob changes it was built from (so no tree diff is needed). */
export interface OwnCommit {
  readonly commit: CommitData;
  /** Every blob change of the commit against its parent, sorted by file, as `GitStore.diffTrees` returns them. */
  readonly changes: readonly FileChange[];
}

const CACHE_VERSION = 1;

/** The in-memory index; one per `Wiki`. */
export class PageIndex {
  head: string | null = null;
  readonly files = new Map<string, string>();
  readonly pages = new Map<string, PageMeta>();
  /** Commit ids that changed each page (by key), oldest first; kept for deleted pages too. */
  readonly history = new Map<string, string[]>();
  readonly commits = new Map<string, CommitRecord>();
  /** Commit ids along the branch's first-parent chain, oldest first. */
  readonly changelog: string[] = [];
  readonly position = new Map<string, number>();
  private readonly displayPaths = new Map<string, string>();
  private incoming: Map<string, Set<string>> | null = null;
  private sorted: string[] | null = null;

  constructor(private readonly store: GitStore) {}

  /**
   * Brings the index to `head` by replaying the commits after the indexed one. If the indexed commit is not in
   * the branch's history (history rewritten, or no cache), rebuilds from scratch. Returns how many commits it read.
   * `own` is a commit this process made: its changes are taken as given instead of diffing its tree.
   */
  async catchUp(head: string | null, own?: OwnCommit): Promise<number> {
    // The branch only moves forward: a commit already indexed is a stale view of an older head (a racing reader).
    if (head === this.head || (head !== null && this.position.has(head))) return 0;
    const chain: CommitData[] = [];
    let cursor = head;
    while (cursor !== null && cursor !== this.head) {
      const commit = cursor === own?.commit.oid ? own.commit : await this.store.readCommit(cursor);
      chain.push(commit);
      cursor = commit.parent;
    }
    if (cursor !== this.head) this.reset();
    const touched = new Set<string>();
    for (const commit of chain.reverse()) {
      await this.apply(commit, touched, commit === own?.commit ? own.changes : undefined);
    }
    for (const key of touched) await this.describe(key);
    if (touched.size > 0) this.invalidate();
    // Last: a concurrent reader that sees this head must also see the pages of it.
    this.head = head;
    return chain.length;
  }

  private reset(): void {
    this.head = null;
    for (const map of [this.files, this.pages, this.history, this.commits, this.position, this.displayPaths]) map.clear();
    this.changelog.length = 0;
    this.invalidate();
  }

  private invalidate(): void {
    this.incoming = null;
    this.sorted = null;
  }

  /** Page keys in code-unit order (cheap and stable; locale collation is far too slow for 10k rows per call). */
  sortedKeys(): readonly string[] {
    this.sorted ??= [...this.pages.keys()].sort();
    return this.sorted;
  }

  private async apply(commit: CommitData, touched: Set<string>, known?: readonly FileChange[]): Promise<void> {
    const changes = known ?? (await this.store.diffTrees(await this.parentTree(commit), commit.tree));
    // A trailer only names the casing of a page this commit changed: one naming any other page is not wikibot's.
    const changed = new Set(changes.map((c) => fileToKey(c.file)?.toLowerCase()));
    for (const display of pageTrailers(commit.message)) {
      if (changed.has(display.toLowerCase())) this.displayPaths.set(display.toLowerCase(), display);
    }
    const pages: string[] = [];
    for (const change of changes) {
      if (change.newOid) this.files.set(change.file, change.newOid);
      else this.files.delete(change.file);
      const key = fileToKey(change.file)?.toLowerCase();
      if (key === undefined) continue;
      const list = this.history.get(key) ?? [];
      list.push(commit.oid);
      this.history.set(key, list);
      touched.add(key);
      pages.push(this.displayPaths.get(key) ?? fileToKey(change.file)!);
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
    if (file === null || oid === undefined) {
      this.pages.delete(key);
      return;
    }
    const text = await this.store.readText(oid);
    const { frontmatter, body } = parseFrontmatter(text);
    const base = this.displayPaths.get(key) ?? file.slice(0, -3);
    const fallbackTitle = base.split('/').pop()!;
    const title = pageTitle(fallbackTitle, frontmatter, body);
    const path = withTitleCasing(base, title);
    const category = frontmatterCategory(frontmatter);
    this.pages.set(key, {
      path,
      file,
      oid,
      title,
      ...(category === undefined ? {} : { category }),
      tags: frontmatterTags(frontmatter),
      links: extractLinks(path, body),
      size: Buffer.byteLength(text),
    });
  }

  /** The file holding page `key`: the Otterwiki name, or a differently cased one found in a dropped-in repository. */
  fileOfKey(key: string): string | null {
    const file = `${key}.md`;
    if (this.files.has(file)) return file;
    const known = this.pages.get(key)?.file;
    if (known && this.files.has(known)) return known;
    for (const candidate of this.files.keys()) if (candidate.toLowerCase() === file) return candidate;
    return null;
  }

  /** The newest commit that changed page `key`. */
  lastRevision(key: string): CommitRecord | undefined {
    const list = this.history.get(key);
    return list && list.length > 0 ? this.commits.get(list[list.length - 1]!) : undefined;
  }

  /** Display path of a link target: the existing page's path, else the target as written. */
  displayOf(target: string): string {
    return this.pages.get(target.toLowerCase())?.path ?? target;
  }

  /** Target key → keys of pages linking to it. Built lazily, dropped whenever a page changes. */
  incomingLinks(): Map<string, Set<string>> {
    if (this.incoming === null) {
      const incoming = new Map<string, Set<string>>();
      for (const [key, meta] of this.pages) {
        for (const target of meta.links) {
          const t = target.toLowerCase();
          incoming.set(t, (incoming.get(t) ?? new Set()).add(key));
        }
      }
      this.incoming = incoming;
    }
    return this.incoming;
  }

  /** The cache file's content. */
  serialize(): string {
    return JSON.stringify({
      version: CACHE_VERSION,
      head: this.head,
      files: [...this.files],
      pages: [...this.pages.values()],
      history: [...this.history],
      commits: this.changelog.map((oid) => this.commits.get(oid)),
      displayPaths: [...this.displayPaths],
    });
  }

  /** Loads a cache file's content; returns false (and stays empty) when it is unusable. */
  restore(json: string): boolean {
    try {
      const data = JSON.parse(json) as {
        version: number;
        head: string | null;
        files: [string, string][];
        pages: PageMeta[];
        history: [string, string[]][];
        commits: CommitRecord[];
        displayPaths: [string, string][];
      };
      if (data.version !== CACHE_VERSION) return false;
      this.reset();
      for (const [file, oid] of data.files) this.files.set(file, oid);
      for (const meta of data.pages) this.pages.set(fileToKey(meta.file)!.toLowerCase(), meta);
      for (const [key, list] of data.history) this.history.set(key, list);
      for (const record of data.commits) {
        this.commits.set(record.oid, record);
        this.position.set(record.oid, this.changelog.length);
        this.changelog.push(record.oid);
      }
      for (const [key, path] of data.displayPaths) this.displayPaths.set(key, path);
      this.head = data.head;
      return true;
    } catch {
      this.reset();
      return false;
    }
  }
}

/** Uses the title's casing for the last path segment when they match case-insensitively (Otterwiki's rule). */
function withTitleCasing(path: string, title: string): string {
  const slash = path.lastIndexOf('/');
  const last = path.slice(slash + 1);
  return title.toLowerCase() === last.toLowerCase() ? path.slice(0, slash + 1) + title : path;
}
