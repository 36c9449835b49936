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
  WikiBusyError,
} from './errors.js';
