/**
 * @module `Wiki`, the engine both apps use: reads from git objects through an incrementally maintained index,
 * writes one commit per change under the cross-process write lock.
 */
import * as fsp from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sweepTmpDir, writeFileAtomic, type AtomicWriteOptions } from './atomic-fs.js';
import { boundedDiff } from './bounded-diff.js';
import { validateContent } from './content.js';
import { EditMatchError, InvalidArgumentError, PageNotFoundError } from './errors.js';
import { GitStore } from './git-store.js';
import { loadPageModel } from './lazy-markdown.js';
import { frontmatterCategory, frontmatterTags, pageTitle, parseFrontmatter } from './markdown.js';
import { DEFAULT_STALE_LOCK_MS } from './lock.js';
import { PageIndex, type CommitRecord, type OwnCommit } from './page-index.js';
import type { PageNaming } from './page-names.js';
import { PagePlans, type RenameResult } from './page-plans.js';
import { AttachmentPlans } from './attachment-plans.js';
import type { Attachment, AttachmentContent } from './attachments.js';
import * as queries from './queries.js';
import { normalizePagePath, pageKey } from './paths.js';
import { ensureRepository } from './repository.js';
import { SearchIndex } from './search-index.js';
import type { EmbeddingProvider } from './embedding-provider.js';
import { SemanticIndex } from './semantic-index.js';
import { semanticSearch, type SemanticSearchOptions, type SemanticSearchResult } from './semantic-search.js';
import type {
  AttachmentWriteResult,
  ListFilter,
  Page,
  PageLinks,
  PageSummary,
  Revision,
  SearchHit,
  WikiApi,
  WikiOptions,
  WriteOptions,
  WriteResult,
} from './types.js';
import { WritePath, type Plan } from './write-path.js';

/** Persist the page index again after this many commits were applied since the last save. */
const SAVE_EVERY_COMMITS = 32;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

/** Extra options of `Wiki.open` beyond the shared {@link WikiOptions}. */
export interface WikiOpenOptions extends WikiOptions {
  /** fsync files before they become visible (default true). */
  readonly durable?: boolean;
  /** Keep the work tree's files in step with each commit, as Otterwiki has them (default true). */
  readonly checkout?: boolean;
  /** The embedding model semantic search uses; absent → `semanticSearch` answers lexically, with a note. */
  readonly embeddings?: EmbeddingProvider;
}

/** The wiki engine over one git repository. Open with {@link Wiki.open}. */
export class Wiki implements WikiApi {
  private readonly index: PageIndex;
  private readonly searchIndex: SearchIndex;
  private readonly semantic: SemanticIndex | null;
  private readonly cacheFile: string;
  private readonly writer: WritePath;
  private readonly plans: PagePlans;
  private readonly attachments: AttachmentPlans;
  private catchingUp: Promise<unknown> = Promise.resolve();
  private unsaved = 0;
  private readonly scratch: AtomicWriteOptions;

  private constructor(
    readonly dir: string,
    private readonly store: GitStore,
    write: AtomicWriteOptions,
    options: Required<Pick<WikiOpenOptions, 'lockTimeoutMs' | 'staleLockMs' | 'checkout' | 'retainPageNameCase'>>,
    embeddings: EmbeddingProvider | undefined,
  ) {
    const meta = join(store.gitdir, 'wikibot');
    this.cacheFile = join(meta, 'index-v1.json');
    const naming: PageNaming = { retainCase: options.retainPageNameCase };
    this.index = new PageIndex(store, naming);
    // Caches and the work-tree copy are disposable: written atomically, but without fsync.
    this.scratch = { ...write, durable: false };
    this.searchIndex = new SearchIndex(join(meta, 'search-v1.json'), this.index, store, this.scratch);
    this.semantic = embeddings
      ? new SemanticIndex(join(meta, 'vectors-v1.bin'), this.index, store, this.scratch, embeddings)
      : null;
    const writeOptions = { ...options, dir, lockFile: join(meta, 'write.lock'), scratch: this.scratch };
    this.plans = new PagePlans(this.index, store, naming);
    this.attachments = new AttachmentPlans(this.index, store);
    this.writer = new WritePath(store, this.index, (head, own) => this.catchUp(head, own), writeOptions);
  }

  /**
   * Opens (and on first use creates) the wiki in `options.dir`, loading the index cache and replaying only the
   * commits made since it was saved.
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
    const wiki = new Wiki(dir, new GitStore(gitdir, write), write, {
      lockTimeoutMs: options.lockTimeoutMs ?? 10_000,
      staleLockMs: options.staleLockMs ?? DEFAULT_STALE_LOCK_MS,
      checkout: options.checkout ?? true,
      retainPageNameCase: options.retainPageNameCase ?? false,
    }, options.embeddings);
    await sweepTmpDir(write.tmpDir, 3_600_000);
    const cached = await fsp.readFile(wiki.cacheFile, 'utf8').catch(() => null);
    if (cached === null || !wiki.index.restore(cached)) wiki.unsaved = SAVE_EVERY_COMMITS;
    await wiki.sync();
    return wiki;
  }

  /** Catches the index up with the branch if another process (or Lambda) committed. One small file read. */
  private async sync(): Promise<void> {
    const head = this.store.readHead();
    if (head !== this.index.head) await this.catchUp(head);
  }

  private catchUp(head: string | null, own?: OwnCommit): Promise<void> {
    const run = this.catchingUp.then(async () => {
      const applied = await this.index.catchUp(head, own);
      this.unsaved += applied;
      if (this.unsaved >= SAVE_EVERY_COMMITS) await this.saveIndex();
      // Vectors follow in the background: embedding is never on a write's or a read's critical path.
      if (applied > 0) void this.semantic?.schedule();
    });
    this.catchingUp = run.catch(() => undefined);
    return run;
  }

  private async saveIndex(): Promise<void> {
    await writeFileAtomic(this.cacheFile, this.index.serialize(), this.scratch).catch(() => undefined);
    this.unsaved = 0;
  }

  /**
   * Makes `.git/index` and the work tree match HEAD: missing files are checked out, unchanged ones get fresh stat
   * data, files changed by a person are left alone. Every write keeps them in step; this is for a repository
   * written before wikibot kept the index (see docs/migrate.md), run by `npm run wiki -- index <dir>`.
   */
  resetWorkTree(): Promise<{ checkedOut: number; modified: number }> {
    return this.writer.resetWorkTree();
  }

  /** Persists the index caches now (e.g. at the end of a batch); they are also saved periodically. */
  async flush(): Promise<void> {
    await this.catchingUp;
    await this.saveIndex();
    await this.searchIndex.flush();
    await this.semantic?.flush();
  }

  async head(): Promise<string> {
    await this.sync();
    return this.index.head ?? '';
  }

  async exists(path: string): Promise<boolean> {
    const key = pageKey(path);
    await this.sync();
    return this.index.hasPage(key);
  }

  async readPage(path: string, options: { revision?: string } = {}): Promise<Page> {
    const key = pageKey(path);
    await this.sync();
    if (options.revision === undefined) {
      const meta = this.index.page(key);
      if (!meta) throw new PageNotFoundError(normalizePagePath(path));
      return this.toPage(meta.path, await this.store.readText(meta.oid), this.index.lastRevision(key)!, meta.links);
    }
    const commit = await this.store.resolveCommit(options.revision);
    const file = this.index.page(key)?.file ?? `${key}.md`;
    const blob = (await this.store.fileAt(commit, file)) ?? (await this.store.fileAt(commit, `${key}.md`));
    if (blob === null) throw new PageNotFoundError(normalizePagePath(path));
    const record = this.index.revisionAt(key, commit) ?? { ...(await this.store.readCommit(commit)), files: [], pages: [] };
    const display = this.index.page(key)?.path ?? normalizePagePath(path);
    const content = await this.store.readText(blob);
    const links = (await loadPageModel()).extractLinks(display, parseFrontmatter(content).body);
    return this.toPage(display, content, record, links);
  }

  /** A page as read; `links` are the indexed ones, or those read from an old revision's text. */
  private toPage(path: string, content: string, record: CommitRecord, links: readonly string[]): Page {
    const { frontmatter, body } = parseFrontmatter(content);
    const category = frontmatterCategory(frontmatter);
    const title = pageTitle(path.split('/').pop()!, frontmatter, body);
    return {
      path,
      title,
      content,
      body,
      frontmatter,
      ...(category === undefined ? {} : { category }),
      tags: frontmatterTags(frontmatter),
      revision: record.oid,
      updated: record.date,
      author: record.author,
      links: links.map((l) => this.index.displayOf(l)),
    };
  }

  async writePage(path: string, content: string, options: WriteOptions): Promise<WriteResult> {
    const display = normalizePagePath(path);
    validateContent(content);
    return this.mutate(options, () => this.plans.write(display, content, options));
  }

  async editPage(path: string, oldText: string, newText: string, options: WriteOptions): Promise<WriteResult> {
    const key = pageKey(path);
    if (typeof oldText !== 'string' || oldText === '') throw new EditMatchError('The text to replace is empty', 0);
    if (oldText === newText) throw new InvalidArgumentError('The replacement is identical to the text it replaces; nothing to edit');
    validateContent(newText);
    return this.mutate(options, () => this.plans.edit(key, path, oldText, newText, options));
  }

  /**
   * Appends `text` to a page (creating it when missing), inside the write lock on the latest revision, so
   * concurrent appends never overwrite each other. A newline is inserted when the page does not end with one.
   */
  async appendPage(path: string, text: string, options: WriteOptions): Promise<WriteResult> {
    const display = normalizePagePath(path);
    validateContent(text);
    return this.mutate(options, () => this.plans.append(display, text, options));
  }

  async deletePage(path: string, options: WriteOptions): Promise<{ readonly path: string; readonly revision: string }> {
    const key = pageKey(path);
    return this.mutate(options, () => this.plans.delete(key, path, options));
  }

  async renamePage(
    path: string,
    newPath: string,
    options: WriteOptions,
  ): Promise<RenameResult> {
    const key = pageKey(path);
    const target = normalizePagePath(newPath);
    return this.mutate(options, () => this.plans.rename(key, path, target, options));
  }

  /** Runs a write (see `write-path.ts`). */
  private mutate<R>(options: WriteOptions, plan: () => Promise<Plan<R>>): Promise<R> {
    return this.writer.write(options.author, plan);
  }

  async listAttachments(path: string): Promise<Attachment[]> {
    const key = pageKey(path);
    await this.sync();
    return this.attachments.list(key, path);
  }

  async readAttachment(path: string, filename: string): Promise<AttachmentContent> {
    const key = pageKey(path);
    await this.sync();
    return this.attachments.read(key, path, filename);
  }

  async writeAttachment(path: string, filename: string, bytes: Uint8Array, options: WriteOptions): Promise<AttachmentWriteResult> {
    const key = pageKey(path);
    return this.mutate(options, () => this.attachments.write(key, path, filename, bytes, options));
  }

  async deleteAttachment(path: string, filename: string, options: WriteOptions): Promise<AttachmentWriteResult> {
    const key = pageKey(path);
    return this.mutate(options, () => this.attachments.delete(key, path, filename, options));
  }

  async listPages(filter: ListFilter = {}): Promise<PageSummary[]> {
    queries.parseSince(filter.updatedSince); // refuse a bad filter before any work
    await this.sync();
    return queries.listPages(this.index, filter);
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    await this.sync();
    return this.searchIndex.search(String(query ?? ''), clampLimit(options.limit, 20));
  }

  /**
   * Chunks nearest in meaning to `query` (otterwiki-mcp's `semantic_search`): at most `n`, at most
   * `maxChunksPerPage` of one page, with cosine distances. Never fails for want of the model: without one, or
   * while it is unreachable or the vector store is being built, it returns keyword results and says so in `note`.
   */
  async semanticSearch(query: string, options: SemanticSearchOptions = {}): Promise<SemanticSearchResult> {
    await this.sync();
    const lexical = (q: string, limit: number): Promise<SearchHit[]> => this.searchIndex.search(q, limit);
    return semanticSearch(this.semantic, this.index, this.store, lexical, query, options);
  }

  async getLinks(path: string): Promise<PageLinks> {
    const key = pageKey(path);
    await this.sync();
    return queries.pageLinks(this.index, key, normalizePagePath(path));
  }

  async linkGraph(): Promise<Record<string, readonly string[]>> {
    await this.sync();
    return queries.linkGraph(this.index);
  }

  async orphans(): Promise<string[]> {
    await this.sync();
    return queries.orphans(this.index);
  }

  async history(path: string, options: { limit?: number } = {}): Promise<Revision[]> {
    const key = pageKey(path);
    await this.sync();
    return queries.pageHistory(this.index, key, normalizePagePath(path), clampLimit(options.limit, DEFAULT_LIMIT));
  }

  async changelog(options: { limit?: number } = {}): Promise<Revision[]> {
    await this.sync();
    return queries.changelog(this.index, clampLimit(options.limit, DEFAULT_LIMIT));
  }

  async diff(path: string, from: string, to?: string): Promise<string> {
    const key = pageKey(path);
    await this.sync();
    const fromOid = await this.store.resolveCommit(from);
    const toOid = to === undefined ? (this.index.head ?? '') : await this.store.resolveCommit(to);
    const file = this.index.page(key)?.file ?? `${key}.md`;
    const [a, b] = await Promise.all([this.store.fileAt(fromOid, file), this.store.fileAt(toOid, file)]);
    if (a === null && b === null) throw new PageNotFoundError(normalizePagePath(path));
    const text = async (oid: string | null): Promise<string> => (oid === null ? '' : this.store.readText(oid));
    const display = this.index.page(key)?.path ?? normalizePagePath(path);
    const [oldText, newText] = [await text(a), await text(b)];
    return boundedDiff({ path: display, file, fromRevision: fromOid, toRevision: toOid, oldText, newText });
  }
}

function clampLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}
