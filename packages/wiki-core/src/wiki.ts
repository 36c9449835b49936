/**
 * @module `Wiki`, the engine both apps use: reads from git objects through an incrementally maintained index,
 * writes one commit per change under the cross-process write lock.
 */
import { join, resolve } from 'node:path';
import type { AtomicWriteOptions } from './atomic-fs.js';
import type { Blame } from './blame.js';
import type { CommitDetails } from './commit-details.js';
import { validateContent, validateEdit } from './content.js';
import { GitStore } from './git-store.js';
import { IndexSync } from './index-sync.js';
import { PageIndex } from './page-index.js';
import type { PageNaming } from './page-names.js';
import type { RenameResult } from './page-plans.js';
import { PageReader } from './page-reader.js';
import { pageTreeLevel, type PageTreeEntry } from './page-tree.js';
import type { Attachment, AttachmentContent } from './attachments.js';
import * as queries from './queries.js';
import { normalizePagePath, pageKey } from './paths.js';
import { ensureRepository } from './repository.js';
import type { EmbeddingProvider } from './embedding-provider.js';
import type { HistoryReadContext } from './history-reads.js';
import type { SemanticSearchOptions, SemanticSearchResult } from './semantic-search.js';
import type {
  AttachmentWriteResult,
  ListFilter,
  Page,
  PageHead,
  PageLinks,
  PageSummary,
  Revision,
  SearchHit,
  WikiApi,
  WikiOpenOptions,
  WriteOptions,
  WriteResult,
} from './types.js';
import { loadParts, WikiParts } from './wiki-parts.js';

export type { WikiOpenOptions } from './types.js';

const DEFAULT_LIMIT = 50;

/** The wiki engine over one git repository. Open with {@link Wiki.open}. */
export class Wiki implements WikiApi {
  private readonly index: PageIndex;
  private readonly indexSync: IndexSync;
  private readonly reader: PageReader;
  /** The write path, search, semantic search: imported on first use (see `wiki-parts.ts`). */
  private readonly parts: WikiParts;
  private readonly naming: PageNaming;

  private constructor(
    readonly dir: string,
    private readonly store: GitStore,
    atomic: AtomicWriteOptions,
    options: Required<Pick<WikiOpenOptions, 'lockTimeoutMs' | 'checkout' | 'retainPageNameCase'>> &
      Pick<WikiOpenOptions, 'staleLockMs'>,
    embeddings: EmbeddingProvider | undefined,
  ) {
    const meta = join(store.gitdir, 'wikibot');
    const naming: PageNaming = { retainCase: options.retainPageNameCase };
    this.naming = naming;
    this.index = new PageIndex(store, naming);
    // Caches and the work-tree copy are disposable: written atomically, but without fsync.
    const scratch = { ...atomic, durable: false };
    const write = { ...options, dir, lockFile: join(meta, 'write.lock'), scratch };
    const indexSync = (): IndexSync => this.indexSync;
    this.parts = new WikiParts({ index: this.index, store, naming, indexSync, meta, scratch, write, embeddings });
    this.reader = new PageReader(this.index, store, naming);
    const applied = (): void => this.parts.scheduleVectors();
    this.indexSync = new IndexSync(this.index, store, naming, join(meta, 'index-v1.json'), scratch, applied);
  }

  /**
   * Opens (and on first use creates) the wiki in `options.dir`: from the index cache and the commits made since,
   * or with no cache from the head's tree alone (history follows in the background; see {@link historyComplete}).
   * @example const wiki = await Wiki.open({ dir: '/mnt/wiki' });
   */
  static async open(options: WikiOpenOptions): Promise<Wiki> {
    const dir = resolve(options.dir);
    const durable = options.durable ?? true;
    await ensureRepository(dir, options.initialAuthor, durable, options.initialContent, {
      retainCase: options.retainPageNameCase ?? false,
    });
    const gitdir = join(dir, '.git');
    const write = { tmpDir: join(gitdir, 'wikibot', 'tmp'), durable };
    const wiki = new Wiki(
      dir,
      new GitStore(gitdir, write),
      write,
      {
        lockTimeoutMs: options.lockTimeoutMs ?? 10_000,
        staleLockMs: options.staleLockMs,
        checkout: options.checkout ?? true,
        retainPageNameCase: options.retainPageNameCase ?? false,
      },
      options.embeddings,
    );
    await wiki.indexSync.open();
    wiki.parts.vectorsAfterOpen(!wiki.index.complete);
    return wiki;
  }

  /** Syncs once the index's history is complete (see `index-sync.ts`): for answers that need it. */
  private async syncHistory(): Promise<void> {
    await this.indexSync.historyComplete();
    await this.indexSync.sync();
  }

  /**
   * Resolves once the page index holds the whole history. Right after opening a repository without a cache, the
   * index describes the head's pages and their history is completed in the background; history, changelog, page
   * lists and old revisions wait for it, page reads and search do not.
   */
  historyComplete(): Promise<void> {
    return this.indexSync.historyComplete();
  }

  /**
   * Makes `.git/index` and the work tree match HEAD (missing files checked out, files changed by a person left
   * alone), for a repository written before wikibot kept them; `npm run wiki -- index <dir>` runs it.
   */
  async resetWorkTree(): Promise<{ checkedOut: number; modified: number }> {
    return (await this.parts.write()).writer.resetWorkTree();
  }

  /** Persists the index caches now (e.g. at the end of a batch); they are also saved periodically. */
  async flush(): Promise<void> {
    await this.indexSync.flush();
    await this.parts.flush();
  }

  async head(): Promise<string> {
    await this.indexSync.sync();
    return this.index.head ?? '';
  }

  async exists(path: string): Promise<boolean> {
    const key = pageKey(path);
    await this.indexSync.sync();
    return this.index.hasPage(key);
  }

  async readPageHead(path: string): Promise<PageHead> {
    const key = pageKey(path);
    await this.indexSync.sync();
    return this.reader.head(key, path);
  }

  async readPage(path: string, options: { revision?: string } = {}): Promise<Page> {
    const key = pageKey(path);
    await this.indexSync.sync();
    if (options.revision === undefined) return this.reader.current(key, path);
    await this.indexSync.historyComplete(); // which change of the page an old revision shows
    return this.reader.at(key, path, options.revision);
  }

  async writePage(path: string, content: string, options: WriteOptions): Promise<WriteResult> {
    const display = normalizePagePath(path);
    validateContent(content);
    const { writer, plans } = await this.parts.write();
    return writer.write(options.author, () => plans.write(display, content, options));
  }

  async editPage(path: string, oldText: string, newText: string, options: WriteOptions): Promise<WriteResult> {
    const key = pageKey(path);
    validateEdit(oldText, newText);
    const { writer, plans } = await this.parts.write();
    return writer.write(options.author, () => plans.edit(key, path, oldText, newText, options));
  }

  /**
   * Appends `text` to a page (creating it when missing), inside the write lock on the latest revision, so
   * concurrent appends never overwrite each other. A newline is inserted when the page does not end with one.
   */
  async appendPage(path: string, text: string, options: WriteOptions): Promise<WriteResult> {
    const display = normalizePagePath(path);
    validateContent(text);
    const { writer, plans } = await this.parts.write();
    return writer.write(options.author, () => plans.append(display, text, options));
  }

  async deletePage(path: string, options: WriteOptions): Promise<{ readonly path: string; readonly revision: string }> {
    const key = pageKey(path);
    const { writer, plans } = await this.parts.write();
    return writer.write(options.author, () => plans.delete(key, path, options));
  }

  async renamePage(path: string, newPath: string, options: WriteOptions): Promise<RenameResult> {
    const key = pageKey(path);
    const target = normalizePagePath(newPath);
    const { writer, plans } = await this.parts.write();
    return writer.write(options.author, () => plans.rename(key, path, target, options));
  }

  async listAttachments(path: string): Promise<Attachment[]> {
    const key = pageKey(path);
    await this.syncHistory();
    return (await this.parts.write()).attachments.list(key, path);
  }

  async readAttachment(path: string, filename: string): Promise<AttachmentContent> {
    const key = pageKey(path);
    await this.indexSync.sync();
    return (await this.parts.write()).attachments.read(key, path, filename);
  }

  async writeAttachment(
    path: string,
    filename: string,
    bytes: Uint8Array,
    options: WriteOptions,
  ): Promise<AttachmentWriteResult> {
    const key = pageKey(path);
    const { writer, attachments } = await this.parts.write();
    return writer.write(options.author, () => attachments.write(key, path, filename, bytes, options));
  }

  async deleteAttachment(path: string, filename: string, options: WriteOptions): Promise<AttachmentWriteResult> {
    const key = pageKey(path);
    const { writer, attachments } = await this.parts.write();
    return writer.write(options.author, () => attachments.delete(key, path, filename, options));
  }

  async listPages(filter: ListFilter = {}): Promise<PageSummary[]> {
    queries.parseSince(filter.updatedSince); // refuse a bad filter before any work
    await this.syncHistory();
    return queries.listPages(this.index, filter);
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    await this.indexSync.sync();
    return (await this.parts.search()).search(String(query ?? ''), queries.clampLimit(options.limit, 20));
  }

  async semanticSearch(query: string, options: SemanticSearchOptions = {}): Promise<SemanticSearchResult> {
    await this.indexSync.sync();
    const [{ semanticSearch }, search, semantic] = await Promise.all([
      loadParts(),
      this.parts.search(),
      this.parts.semantic(),
    ]);
    const lexical = (q: string, limit: number): Promise<SearchHit[]> => search.search(q, limit);
    return semanticSearch(semantic, this.index, this.store, lexical, query, options);
  }

  async getLinks(path: string): Promise<PageLinks> {
    const key = pageKey(path);
    await this.indexSync.sync();
    return queries.pageLinks(this.index, key, normalizePagePath(path));
  }

  async linkGraph(): Promise<Record<string, readonly string[]>> {
    await this.indexSync.sync();
    return queries.linkGraph(this.index);
  }

  async orphans(): Promise<string[]> {
    await this.indexSync.sync();
    return queries.orphans(this.index);
  }

  async history(path: string, options: { limit?: number } = {}): Promise<Revision[]> {
    const key = pageKey(path);
    await this.syncHistory();
    const limit = queries.clampLimit(options.limit, DEFAULT_LIMIT);
    return queries.pageHistory(this.index, key, normalizePagePath(path), limit);
  }

  async changelog(options: { limit?: number; offset?: number } = {}): Promise<Revision[]> {
    const offset = queries.parseOffset(options.offset); // refuse a bad offset before any work
    await this.syncHistory();
    return queries.changelog(this.index, queries.clampLimit(options.limit, DEFAULT_LIMIT), offset);
  }

  async blame(path: string, options: { revision?: string } = {}): Promise<Blame> {
    await this.syncHistory();
    return (await loadParts()).pageBlame(this.historyReads(), path, options.revision);
  }

  async pageTree(folder = ''): Promise<PageTreeEntry[]> {
    await this.indexSync.sync();
    return pageTreeLevel(this.index, folder);
  }

  async commit(revision: string): Promise<CommitDetails> {
    const { commitDetails } = await loadParts();
    return commitDetails(this.store, this.naming, await this.store.resolveCommit(revision));
  }

  async diff(path: string, from: string, to?: string): Promise<string> {
    return (await loadParts()).pageDiff(this.historyReads(), path, from, to);
  }

  private historyReads(): HistoryReadContext {
    return { index: this.index, store: this.store, reader: this.reader, indexSync: this.indexSync };
  }
}
