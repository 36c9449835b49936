/**
 * @wikibot/wiki-core — the wiki engine. Anything exported here is public API of the package.
 * @module
 */
export type {
  Author,
  Page,
  PageSummary,
  ListFilter,
  Revision,
  SearchHit,
  WriteResult,
  WriteOptions,
  PageLinks,
  WikiOptions,
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
  AttachmentNotFoundError,
  AttachmentTooLargeError,
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
/** Attachments (Otterwiki layout) and their limit. */
export { MAX_ATTACHMENT_BYTES, attachmentFilename, attachmentMimeType, attachmentUrlPath, decodeAttachmentBase64, type Attachment, type AttachmentContent } from './attachments.js';
/** Content limits. */
export { MAX_PAGE_BYTES, validateContent } from './content.js';
/** The Markdown page model. */
export {
  parseFrontmatter,
  parseWikiLinks,
  extractLinks,
  rewriteWikiLinks,
  pageTitle,
  frontmatterTags,
  frontmatterCategory,
  plainText,
  type ParsedFrontmatter,
  type WikiLink,
} from './markdown.js';
