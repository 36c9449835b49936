/**
 * @module The wiki's data model, as both Lambdas see it. (Interface agreed before the implementation:
 * apps/mcp and apps/wiki code against these names.)
 */

import type { Attachment, AttachmentContent } from './attachments.js';
import type { Blame } from './blame.js';
import type { CommitDetails } from './commit-details.js';
import type { EmbeddingProvider } from './embedding-provider.js';
import type { PageTreeEntry } from './page-tree.js';
import type { SemanticSearchOptions, SemanticSearchResult } from './semantic-search.js';

/** Who made a change; becomes the git author. */
export interface Author {
  readonly name: string;
  readonly email: string;
}

/** A page as read. `path` is the canonical page path (see `normalizePagePath`). */
export interface Page {
  readonly path: string;
  /** Display title: frontmatter `title`, else the first heading, else the last path segment. */
  readonly title: string;
  /** The whole file, frontmatter included, exactly as stored. */
  readonly content: string;
  /** The content without frontmatter. */
  readonly body: string;
  readonly frontmatter: Readonly<Record<string, unknown>>;
  readonly category?: string;
  readonly tags: readonly string[];
  /** Commit id of the revision read (the last commit that changed this page, when no revision was asked for). */
  readonly revision: string;
  /** When that commit was made (ISO 8601). */
  readonly updated: string;
  readonly author: Author;
  /** Canonical paths of pages this page links to with [[WikiLinks]] (and relative Markdown links). */
  readonly links: readonly string[];
}

/**
 * What a page view shows of a page's latest revision besides its text, from the index alone (no git object read):
 * the fields of {@link Page} but its text, and the id of the blob holding the text (the same id, the same text).
 */
export interface PageHead extends Omit<Page, 'content' | 'body' | 'frontmatter'> {
  readonly blob: string;
}

/** One row of a page listing. */
export interface PageSummary {
  readonly path: string;
  readonly title: string;
  readonly category?: string;
  readonly tags: readonly string[];
  readonly updated: string;
  readonly revision: string;
  readonly size: number;
}

/** Filters for `listPages`. All optional; combined with AND. */
export interface ListFilter {
  readonly prefix?: string;
  readonly category?: string;
  readonly tag?: string;
  /** Only pages changed at or after this instant (ISO 8601 date or date-time). */
  readonly updatedSince?: string;
}

/** One commit in a page's history or the site changelog. */
export interface Revision {
  readonly revision: string;
  readonly author: Author;
  readonly date: string;
  readonly message: string;
  /** Page paths this commit changed (canonical). */
  readonly paths: readonly string[];
}

/** A ranked search result. */
export interface SearchHit {
  readonly path: string;
  readonly title: string;
  readonly score: number;
  /** A short plain-text excerpt around the best match. */
  readonly snippet: string;
  /** The indexed words that matched (lower case; a query word's prefix or typo expansions too), for highlighting. */
  readonly terms?: readonly string[];
}

/** The result of a write. */
export interface WriteResult {
  readonly path: string;
  /** The new commit id; unchanged content still makes no empty commit and returns the current revision. */
  readonly revision: string;
  readonly created: boolean;
  readonly changed: boolean;
}

/** Options common to every write. */
export interface WriteOptions {
  readonly author: Author;
  /** Commit message; a sensible default is made when absent. */
  readonly message?: string;
  /** Extra trailer lines appended to the message, e.g. `{ 'MCP-Client': 'claude-ai' }`. */
  readonly trailers?: Readonly<Record<string, string>>;
  /** The revision the caller based its change on; if the page changed since, the write is refused. */
  readonly baseRevision?: string;
  /**
   * `writePage` only: create the page or fail with `PageExistsError`, decided under the write lock (so two
   * creators racing for one name never overwrite each other).
   */
  readonly createOnly?: boolean;
  /**
   * Refuse to replace an existing page when `baseRevision` is absent (`RevisionRequiredError`), as otterwiki-api does.
   */
  readonly requireBaseRevision?: boolean;
}

/** Links into and out of a page. */
export interface PageLinks {
  readonly path: string;
  readonly outgoing: readonly string[];
  readonly incoming: readonly string[];
  /** Outgoing targets that do not exist. */
  readonly missing: readonly string[];
}

/** Options of `Wiki.open`. */
export interface WikiOptions {
  /** The git repository's directory (created and initialised with a Home page when missing). */
  readonly dir: string;
  /** How long a writer waits for the lock before `WikiBusyError` (default 10 s). */
  readonly lockTimeoutMs?: number;
  /**
   * After this age a lock is considered abandoned and taken over (default 3 s; its holder refreshes it every 0.5 s).
   */
  readonly staleLockMs?: number;
  /** Author of the initial Home page commit. */
  readonly initialAuthor?: Author;
  /**
   * Otterwiki's `RETAIN_PAGE_NAME_CASE` (default false): store pages in files spelt as their names were given and
   * show those names unchanged, instead of lower-case files shown title-cased. Lookup stays case-insensitive.
   */
  readonly retainPageNameCase?: boolean;
  /**
   * The first commit of a new repository, instead of a Home page: these pages (display path → Markdown), in
   * Otterwiki's layout, with this message (e.g. an imported folder of Markdown files). Ignored when `dir`
   * already is a repository.
   */
  readonly initialContent?: InitialContent;
}

/** Pages and message of a new repository's first commit. */
export interface InitialContent {
  readonly pages: ReadonlyMap<string, string>;
  readonly message: string;
}

/** The operations both apps use. Implemented by `Wiki` (open one with `Wiki.open(options)`). */
export interface WikiApi {
  /** Reads a page, at its latest revision or at `revision` (a commit id, full or abbreviated). */
  readPage(path: string, options?: { revision?: string }): Promise<Page>;
  /** A page's latest revision as {@link readPage} reads it, without its text: read from the index only. */
  readPageHead(path: string): Promise<PageHead>;
  /** True when the page exists at the latest revision. */
  exists(path: string): Promise<boolean>;
  /** Creates or replaces a page: one commit. */
  writePage(path: string, content: string, options: WriteOptions): Promise<WriteResult>;
  /**
   * Replaces `oldText`, which must occur exactly once, with `newText`, inside the write lock on the latest revision.
   */
  editPage(path: string, oldText: string, newText: string, options: WriteOptions): Promise<WriteResult>;
  /** Deletes a page (and its attachments): one commit. */
  deletePage(path: string, options: WriteOptions): Promise<{ readonly path: string; readonly revision: string }>;
  /** Moves a page and rewrites [[links]] that point at it, in one commit. */
  renamePage(
    path: string,
    newPath: string,
    options: WriteOptions,
  ): Promise<{
    readonly path: string;
    readonly newPath: string;
    readonly revision: string;
    readonly rewritten: readonly string[];
  }>;
  listPages(filter?: ListFilter): Promise<PageSummary[]>;
  search(query: string, options?: { limit?: number }): Promise<SearchHit[]>;
  /**
   * Chunks nearest in meaning to `query` (otterwiki-mcp's `semantic_search`): at most `n`, at most
   * `maxChunksPerPage` of one page, with cosine distances. Never fails for want of the model: without one, or
   * while it is unreachable or the vector store is being built, it returns keyword results and says so in `note`.
   */
  semanticSearch(query: string, options?: SemanticSearchOptions): Promise<SemanticSearchResult>;
  getLinks(path: string): Promise<PageLinks>;
  /** The whole link graph: page → pages it links to. */
  linkGraph(): Promise<Record<string, readonly string[]>>;
  /** A page's history, newest first. */
  history(path: string, options?: { limit?: number }): Promise<Revision[]>;
  /** The site-wide changelog, newest first; `offset` newest commits skipped (paging). */
  changelog(options?: { limit?: number; offset?: number }): Promise<Revision[]>;
  /**
   * Which commit last changed each line of a page, at its latest revision or at `revision`, as `git blame` says.
   * @throws PageNotFoundError; BlameTooLargeError beyond the blame limits (`MAX_BLAME_LINES` and the rest)
   */
  blame(path: string, options?: { revision?: string }): Promise<Blame>;
  /** The pages and folders directly inside `folder` ('' or absent: the top level), in path order. */
  pageTree(folder?: string): Promise<PageTreeEntry[]>;
  /** One commit (full or abbreviated id) with its changed files and bounded diffs. @throws RevisionNotFoundError */
  commit(revision: string): Promise<CommitDetails>;
  /** A unified diff of a page between two revisions (`to` defaults to the latest). */
  diff(path: string, from: string, to?: string): Promise<string>;
  /** Pages no other page links to (Home excluded). */
  orphans(): Promise<string[]>;
  /** The latest commit id of the repository. */
  head(): Promise<string>;
  /** The files attached to a page (Otterwiki layout: the page's directory). @throws PageNotFoundError */
  listAttachments(path: string): Promise<Attachment[]>;
  /** One attachment's bytes (`filename` as given to `writeAttachment`). @throws AttachmentNotFoundError */
  readAttachment(path: string, filename: string): Promise<AttachmentContent>;
  /** Adds or replaces an attachment of an existing page: one commit. The name is made safe (`attachmentFilename`). */
  writeAttachment(
    path: string,
    filename: string,
    bytes: Uint8Array,
    options: WriteOptions,
  ): Promise<AttachmentWriteResult>;
  /** Removes an attachment: one commit. */
  deleteAttachment(path: string, filename: string, options: WriteOptions): Promise<AttachmentWriteResult>;
}

/** The result of an attachment write or delete. */
export interface AttachmentWriteResult {
  /** The page's display path. */
  readonly path: string;
  /** The stored (safe) file name. */
  readonly filename: string;
  readonly size: number;
  readonly mimeType: string;
  readonly revision: string;
  readonly created: boolean;
}

/** Extra options of `Wiki.open` beyond the shared {@link WikiOptions}. */
export interface WikiOpenOptions extends WikiOptions {
  /** fsync files before they become visible (default true). */
  readonly durable?: boolean;
  /** Keep the work tree's files in step with each commit, as Otterwiki has them (default true). */
  readonly checkout?: boolean;
  /** The embedding model semantic search uses; absent → `semanticSearch` answers lexically, with a note. */
  readonly embeddings?: EmbeddingProvider;
}
