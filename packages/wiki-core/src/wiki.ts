/**
 * @module `Wiki`, the engine both apps use: reads from git objects through an incrementally maintained index,
 * writes one commit per change under the cross-process write lock.
 */
import * as fsp from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sweepTmpDir, writeFileAtomic, type AtomicWriteOptions } from './atomic-fs.js';
import { buildMessage, sanitizeAuthor } from './commit-message.js';
import { validateContent } from './content.js';
import { EditMatchError, PageExistsError, PageNotFoundError, WikiBusyError } from './errors.js';
import { GitStore } from './git-store.js';
import { acquireWriteLock } from './lock.js';
import { extractLinks, frontmatterCategory, frontmatterTags, pageTitle, parseFrontmatter, rewriteWikiLinks } from './markdown.js';
import { PageIndex, type CommitRecord, type OwnCommit, type PageMeta } from './page-index.js';
import * as queries from './queries.js';
import { pageFileName } from './page-names.js';
import { isAttachmentOf, normalizePagePath, pageKey } from './paths.js';
import { ensureRepository } from './repository.js';
import { SearchIndex } from './search-index.js';
import type { EmbeddingProvider } from './embedding-provider.js';
import { SemanticIndex } from './semantic-index.js';
import { semanticSearch, type SemanticSearchOptions, type SemanticSearchResult } from './semantic-search.js';
import type {
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
import { mirrorWorkTree } from './work-tree.js';

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

/** A planned change, computed inside the lock against the latest commit. */
interface Plan<R> {
  readonly changes: Map<string, string | null>;
  readonly message: string;
  /** The result, given the new commit id (or the current one when nothing changed). */
  readonly result: (revision: string, changed: boolean) => R;
}

/** The wiki engine over one git repository. Open with {@link Wiki.open}. */
export class Wiki implements WikiApi {
  private readonly index: PageIndex;
  private readonly searchIndex: SearchIndex;
  private readonly semantic: SemanticIndex | null;
  private readonly cacheFile: string;
  private readonly lockFile: string;
  private catchingUp: Promise<unknown> = Promise.resolve();
  private writing: Promise<unknown> = Promise.resolve();
  private unsaved = 0;
  private readonly scratch: AtomicWriteOptions;

  private constructor(
    readonly dir: string,
    private readonly store: GitStore,
    private readonly write: AtomicWriteOptions,
    private readonly options: Required<Pick<WikiOpenOptions, 'lockTimeoutMs' | 'staleLockMs' | 'checkout'>>,
    embeddings: EmbeddingProvider | undefined,
  ) {
    const meta = join(store.gitdir, 'wikibot');
    this.cacheFile = join(meta, 'index-v1.json');
    this.lockFile = join(meta, 'write.lock');
    this.index = new PageIndex(store);
    // Caches and the work-tree copy are disposable: written atomically, but without fsync.
    this.scratch = { ...write, durable: false };
    this.searchIndex = new SearchIndex(join(meta, 'search-v1.json'), this.index, store, this.scratch);
    this.semantic = embeddings
      ? new SemanticIndex(join(meta, 'vectors-v1.bin'), this.index, store, this.scratch, embeddings)
      : null;
  }

  /**
   * Opens (and on first use creates) the wiki in `options.dir`, loading the index cache and replaying only the
   * commits made since it was saved.
   * @example const wiki = await Wiki.open({ dir: '/mnt/wiki' });
   */
  static async open(options: WikiOpenOptions): Promise<Wiki> {
    const dir = resolve(options.dir);
    const durable = options.durable ?? true;
    await ensureRepository(dir, options.initialAuthor, durable);
    const gitdir = join(dir, '.git');
    const write = { tmpDir: join(gitdir, 'wikibot', 'tmp'), durable };
    const wiki = new Wiki(dir, new GitStore(gitdir, write), write, {
      lockTimeoutMs: options.lockTimeoutMs ?? 10_000,
      staleLockMs: options.staleLockMs ?? 30_000,
      checkout: options.checkout ?? true,
    }, options.embeddings);
    await sweepTmpDir(write.tmpDir, 3_600_000);
    const cached = await fsp.readFile(wiki.cacheFile, 'utf8').catch(() => null);
    if (cached === null || !wiki.index.restore(cached)) wiki.unsaved = SAVE_EVERY_COMMITS;
    await wiki.sync();
    return wiki;
  }

  /** Catches the index up with the branch if another process (or Lambda) committed. One small file read. */
  private async sync(): Promise<void> {
    const head = await this.store.readHead();
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
    return this.index.pages.has(key);
  }

  async readPage(path: string, options: { revision?: string } = {}): Promise<Page> {
    const key = pageKey(path);
    await this.sync();
    if (options.revision === undefined) {
      const meta = this.index.pages.get(key);
      if (!meta) throw new PageNotFoundError(normalizePagePath(path));
      return this.toPage(meta.path, await this.store.readText(meta.oid), this.index.lastRevision(key)!);
    }
    const commit = await this.store.resolveCommit(options.revision);
    const file = this.index.pages.get(key)?.file ?? `${key}.md`;
    const blob = (await this.store.fileAt(commit, file)) ?? (await this.store.fileAt(commit, `${key}.md`));
    if (blob === null) throw new PageNotFoundError(normalizePagePath(path));
    const record = this.revisionAt(key, commit) ?? { ...(await this.store.readCommit(commit)), files: [], pages: [] };
    const display = this.index.pages.get(key)?.path ?? normalizePagePath(path);
    return this.toPage(display, await this.store.readText(blob), record, true);
  }

  /** The newest commit at or before `commit` that changed page `key`. */
  private revisionAt(key: string, commit: string): CommitRecord | undefined {
    const limit = this.index.position.get(commit);
    if (limit === undefined) return undefined;
    const list = this.index.history.get(key) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      if (this.index.position.get(list[i]!)! <= limit) return this.index.commits.get(list[i]!);
    }
    return undefined;
  }

  private toPage(path: string, content: string, record: CommitRecord, old = false): Page {
    const { frontmatter, body } = parseFrontmatter(content);
    const category = frontmatterCategory(frontmatter);
    const title = pageTitle(path.split('/').pop()!, frontmatter, body);
    const links = old ? extractLinks(path, body) : (this.index.pages.get(path.toLowerCase())?.links ?? []);
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
    const key = display.toLowerCase();
    validateContent(content);
    return this.mutate(options, async () => {
      const meta = this.index.pages.get(key);
      if (meta && options.createOnly) throw new PageExistsError(meta.path);
      queries.checkBaseRevision(this.index, key, display, options.baseRevision);
      return this.contentPlan(key, display, meta, content, meta ? 'Update' : 'Create', options);
    });
  }

  async editPage(path: string, oldText: string, newText: string, options: WriteOptions): Promise<WriteResult> {
    const key = pageKey(path);
    if (typeof oldText !== 'string' || oldText === '') throw new EditMatchError('The text to replace is empty', 0);
    validateContent(newText);
    return this.mutate(options, async () => {
      const meta = this.requirePage(key, path);
      queries.checkBaseRevision(this.index, key, meta.path, options.baseRevision);
      const content = await this.store.readText(meta.oid);
      const count = countOccurrences(content, oldText);
      if (count !== 1) {
        throw new EditMatchError(
          count === 0
            ? `The text to replace was not found in "${meta.path}"`
            : `The text to replace occurs ${count} times in "${meta.path}"; include more context so it occurs once`,
          count,
        );
      }
      return this.contentPlan(key, meta.path, meta, content.replace(oldText, () => newText), 'Edit', options);
    });
  }

  /**
   * Appends `text` to a page (creating it when missing), inside the write lock on the latest revision, so
   * concurrent appends never overwrite each other. A newline is inserted when the page does not end with one.
   */
  async appendPage(path: string, text: string, options: WriteOptions): Promise<WriteResult> {
    const display = normalizePagePath(path);
    const key = display.toLowerCase();
    validateContent(text);
    return this.mutate(options, async () => {
      const meta = this.index.pages.get(key);
      queries.checkBaseRevision(this.index, key, display, options.baseRevision);
      const current = meta ? await this.store.readText(meta.oid) : '';
      const joined = current === '' || current.endsWith('\n') ? current + text : `${current}\n${text}`;
      return this.contentPlan(key, display, meta, joined, 'Append to', options);
    });
  }

  /** The plan that stores `content` as page `key` (no change, hence no commit, when it is identical). */
  private async contentPlan(
    key: string,
    display: string,
    meta: PageMeta | undefined,
    content: string,
    verb: string,
    options: WriteOptions,
  ): Promise<Plan<WriteResult>> {
    const oid = await this.writeText(content);
    const finalPath = meta?.path ?? display;
    return {
      changes: new Map(meta?.oid === oid ? [] : [[meta?.file ?? pageFileName(display), oid]]),
      message: buildMessage(options.message, `${verb} ${finalPath}`, options.trailers, [finalPath]),
      result: (revision, changed) => ({
        path: this.displayAfter(key, finalPath),
        revision: this.revisionOf(key, revision, changed),
        created: !meta,
        changed,
      }),
    };
  }

  async deletePage(path: string, options: WriteOptions): Promise<{ readonly path: string; readonly revision: string }> {
    const key = pageKey(path);
    return this.mutate(options, async () => {
      const meta = this.requirePage(key, path);
      queries.checkBaseRevision(this.index, key, meta.path, options.baseRevision);
      const changes = new Map<string, string | null>([[meta.file, null]]);
      for (const file of this.attachmentsOf(meta.file)) changes.set(file, null);
      return {
        changes,
        message: buildMessage(options.message, `Delete ${meta.path}`, options.trailers, [meta.path]),
        result: (revision) => ({ path: meta.path, revision }),
      };
    });
  }

  async renamePage(
    path: string,
    newPath: string,
    options: WriteOptions,
  ): Promise<{ readonly path: string; readonly newPath: string; readonly revision: string; readonly rewritten: readonly string[] }> {
    const key = pageKey(path);
    const target = normalizePagePath(newPath);
    const targetKey = target.toLowerCase();
    return this.mutate(options, async () => {
      const meta = this.requirePage(key, path);
      if (this.index.pages.has(targetKey)) throw new PageExistsError(this.index.pages.get(targetKey)!.path);
      queries.checkBaseRevision(this.index, key, meta.path, options.baseRevision);
      const newFile = pageFileName(target);
      const changes = new Map<string, string | null>([[meta.file, null]]);
      const ownText = rewriteWikiLinks(await this.store.readText(meta.oid), key, target);
      changes.set(newFile, await this.writeText(ownText));
      const newDir = newFile.slice(0, -3);
      for (const file of this.attachmentsOf(meta.file)) {
        changes.set(file, null);
        changes.set(`${newDir}/${file.split('/').pop()}`, this.index.files.get(file)!);
      }
      const rewritten: string[] = [];
      for (const source of this.index.incomingLinks().get(key) ?? []) {
        const page = this.index.pages.get(source);
        if (!page || source === key) continue;
        const text = await this.store.readText(page.oid);
        const updated = rewriteWikiLinks(text, key, target);
        if (updated === text) continue;
        changes.set(page.file, await this.writeText(updated));
        rewritten.push(page.path);
      }
      return {
        changes,
        message: buildMessage(options.message, `Rename ${meta.path} to ${target}`, options.trailers, [target]),
        result: (revision) => ({ path: meta.path, newPath: this.displayAfter(targetKey, target), revision, rewritten }),
      };
    });
  }

  private async writeText(text: string): Promise<string> {
    const oid = await this.store.writeBlob(validateContent(text));
    this.store.primeText(oid, text);
    return oid;
  }

  private requirePage(key: string, path: string): PageMeta {
    const meta = this.index.pages.get(key);
    if (!meta) throw new PageNotFoundError(normalizePagePath(path));
    return meta;
  }

  private attachmentsOf(pageFile: string): string[] {
    return [...this.index.files.keys()].filter((file) => isAttachmentOf(file, pageFile));
  }

  /** The commit to report: the new one, or the page's latest when nothing changed (no empty commit is made). */
  private revisionOf(key: string, revision: string, changed: boolean): string {
    return changed ? revision : (this.index.lastRevision(key)?.oid ?? revision);
  }

  private displayAfter(key: string, fallback: string): string {
    return this.index.pages.get(key)?.path ?? fallback;
  }

  /**
   * Runs a write: in-process queue, then the cross-process lock, then catch-up to the latest commit, then the
   * plan, one commit, and the branch ref moved last.
   */
  private async mutate<R>(options: WriteOptions, plan: () => Promise<Plan<R>>): Promise<R> {
    const author = sanitizeAuthor(options.author);
    const run = this.writing.then(async () => {
      const lock = await acquireWriteLock({
        path: this.lockFile,
        timeoutMs: this.options.lockTimeoutMs,
        staleMs: this.options.staleLockMs,
      });
      try {
        const parent = await this.store.readHead();
        await this.catchUp(parent);
        // This process already saw a newer commit: the file system served a stale ref (NFS caching). Building on it
        // would drop commits from the branch, so refuse instead.
        if (parent !== this.index.head) throw new WikiBusyError(0);
        const { changes, message, result } = await plan();
        const rootTree = parent === null ? null : this.index.commits.get(parent)!.tree;
        const made = changes.size === 0 ? null : await this.store.applyChanges(rootTree, changes);
        if (made === null || made.tree === rootTree) return result(parent ?? '', false);
        const commit = await this.store.writeCommit({ tree: made.tree, parent, author, message });
        await lock.assertHeld();
        await this.store.updateHead(parent, commit.oid);
        // The index learns this commit from the change set it was built from (no tree diff); pages are described
        // before the index publishes the new head, exactly as for a commit from another process.
        await this.catchUp(commit.oid, made.changes === null ? undefined : { commit, changes: made.changes });
        if (this.options.checkout) await mirrorWorkTree(this.dir, this.store, changes, this.scratch);
        return result(commit.oid, true);
      } finally {
        this.store.discardPending();
        await lock.release();
      }
    });
    this.writing = run.catch(() => undefined);
    return run;
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
    const file = this.index.pages.get(key)?.file ?? `${key}.md`;
    const [a, b] = await Promise.all([this.store.fileAt(fromOid, file), this.store.fileAt(toOid, file)]);
    if (a === null && b === null) throw new PageNotFoundError(normalizePagePath(path));
    const text = async (oid: string | null): Promise<string> => (oid === null ? '' : this.store.readText(oid));
    // Loaded on first use: only the diff view needs it.
    const { createTwoFilesPatch } = await import('diff');
    return createTwoFilesPatch(`a/${file}`, `b/${file}`, await text(a), await text(b), fromOid.slice(0, 7), toOid.slice(0, 7));
  }
}

function clampLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}
