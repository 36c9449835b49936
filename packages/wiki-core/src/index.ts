/**
 * @wikibot/wiki-core — the wiki engine. Anything exported here is public API of the package.
 * @module
 */
export type {
  Author,
  Page,
  PageHead,
  PageSummary,
  ListFilter,
  Revision,
  SearchHit,
  WriteResult,
  WriteOptions,
  PageLinks,
  WikiOptions,
  InitialContent,
  WikiApi,
  AttachmentWriteResult,
} from './types.js';
export {
  WikiError,
  InvalidPathError,
  PageNotFoundError,
  PageExistsError,
  EditConflictError,
  EditMatchError,
  ContentTooLargeError,
  InvalidContentError,
  RevisionNotFoundError,
  RevisionRequiredError,
  WikiBusyError,
  InvalidArgumentError,
  DiffTooLargeError,
  AttachmentNotFoundError,
  AttachmentTooLargeError,
  BlameTooLargeError,
} from './errors.js';
/** The engine. */
export { Wiki, type WikiOpenOptions } from './wiki.js';
/** Semantic search: the embedding provider interface, chunking and result types. */
export type { EmbeddingProvider, EmbeddingPurpose } from './embedding-provider.js';
export type { SemanticHit, SemanticSearchOptions, SemanticSearchResult } from './semantic-search.js';
export { chunkPage, type PageChunk } from './chunker.js';
/** Page paths and the Otterwiki file layout. */
export { normalizePagePath, pageKey, MAX_SEGMENT_CHARS, MAX_PATH_CHARS } from './paths.js';
/** Page names as An Otter Wiki shows them, and their files. */
export { pageDisplayName, pageFileName, DEFAULT_PAGE_NAMING, type PageNaming } from './page-names.js';
export { titleCase } from './title-case.js';
/** Names the wiki's own URLs would shadow, refused on create and rename. */
export {
  pageRouteConflict,
  assertReachablePageName,
  PAGE_ACTION_SEGMENTS,
  PAGE_ARGUMENT_SEGMENTS,
} from './reserved-names.js';
/** Attachments (Otterwiki layout) and their limit. */
export {
  MAX_ATTACHMENT_BYTES,
  attachmentFilename,
  attachmentMimeType,
  attachmentUrlPath,
  decodeAttachmentBase64,
  type Attachment,
  type AttachmentContent,
} from './attachments.js';
/** Blame: its shapes and limits (beyond them, `BlameTooLargeError`). */
export { MAX_BLAME_LINES, MAX_BLAME_CHARS, MAX_BLAME_STEPS, MAX_BLAME_MS } from './history-limits.js';
export type { Blame, BlameLine, BlameCommit } from './blame.js';
/** One level of the page tree, and one commit with its changes (bounded). */
export type { PageTreeEntry } from './page-tree.js';
export { MAX_COMMIT_FILES, MAX_COMMIT_DIFFS } from './history-limits.js';
export type { CommitDetails, CommitFile } from './commit-details.js';
/** Diff limits (beyond them, `DiffTooLargeError`). */
export { MAX_DIFF_EDIT_LENGTH, MAX_DIFF_CHARS, MAX_DIFF_LINES } from './history-limits.js';
/** Content limits. */
export { MAX_PAGE_BYTES, validateContent } from './content.js';
/** The Markdown page model: frontmatter and title (no Markdown parser needed; YAML only for frontmatter). */
export {
  readFrontmatter,
  loadFrontmatterParser,
  pageTitle,
  frontmatterTags,
  frontmatterCategory,
  plainText,
  searchText,
  MAX_SEARCH_TEXT_CHARS,
  MAX_FRONTMATTER_CHARS,
  type ParsedFrontmatter,
} from './markdown.js';
/** The wiki's one Markdown grammar: the WikiLink plugin, and markdown-it configured with it (loaded on first use). */
export {
  wikiLinks,
  wikiLinkOf,
  MAX_WIKILINK_CHARS,
  type WikiLinkMeta,
  type WikiLinksOptions,
} from './wikilink-syntax.js';
export { createWikiMarkdown, loadPageModel } from './lazy-markdown.js';
export type { WikiMarkdownOptions } from './markdown-parser.js';
export { INLINE_SEGMENT_CHARS, INLINE_MARKUP_BUDGET, markupCost } from './bounded-inline.js';
export { BLOCK_BUDGET, MAX_TABLE_COLUMNS, blockCut } from './bounded-blocks.js';
