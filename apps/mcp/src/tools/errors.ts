/**
 * @module Wiki errors → tool error text an assistant can act on (never a stack trace). The one place
 * that maps wiki-core's domain errors for MCP.
 */
import {
  AttachmentNotFoundError,
  AttachmentTooLargeError,
  ContentTooLargeError,
  EditConflictError,
  EditMatchError,
  InvalidContentError,
  InvalidPathError,
  PageExistsError,
  PageNotFoundError,
  RevisionNotFoundError,
  RevisionRequiredError,
  WikiBusyError,
  WikiError,
} from '@wikibot/wiki-core';
import { ToolRefusal } from './define.js';

/** The text of an `isError` result for `error` raised by `tool`; undefined for an unexpected error. */
export function toolErrorText(error: unknown, tool: string): string | undefined {
  if (error instanceof PageNotFoundError) {
    return (
      `Page not found: "${error.path}". Use write_note to create ` +
      `it, or list_notes / search_notes to find the page you meant.`
    );
  }
  if (error instanceof RevisionNotFoundError) {
    return `Revision "${error.revision}" not found. Use get_history(path) to list the page's revisions.`;
  }
  if (error instanceof EditConflictError) {
    return (
      `Conflict: Revision mismatch: ${error.path} has been modified since revision ${error.baseRevision}; ` +
      `its current revision is ${error.currentRevision}. ` +
      `Read the page again to get the current revision, then retry ${tool}.`
    );
  }
  if (error instanceof RevisionRequiredError) {
    return (
      `Conflict: Revision required when updating an existing page, and ${error.path} exists. ` +
      `Read the page first with read_note, then retry ${tool} with that revision (or use edit_note).`
    );
  }
  if (error instanceof AttachmentNotFoundError) {
    return (
      `Attachment not found: "${error.filename}" on ${error.path}. ` +
      `Use list_attachments(path) to see the page's files.`
    );
  }
  if (error instanceof AttachmentTooLargeError) return `${error.message}.`;
  if (error instanceof ToolRefusal) return error.message;
  if (error instanceof EditMatchError) {
    return error.occurrences === 0
      ? 'old_string was not found in the page. Read the page again with ' +
          'read_note and copy old_string exactly, including whitespace.'
      : `old_string is ambiguous: it occurs ${error.occurrences} times in ` +
          `the page; include more surrounding text so it matches exactly once.`;
  }
  if (error instanceof ContentTooLargeError) {
    return `Content too large: a page may hold at most ${error.limitBytes} bytes (1 MB). Split it into several pages.`;
  }
  if (error instanceof PageExistsError) {
    return `Conflict: a page already exists at "${error.path}". Choose another path, or read_note it first.`;
  }
  if (error instanceof InvalidPathError) return `Invalid page path: ${error.message}`;
  if (error instanceof InvalidContentError) return `Invalid content: ${error.message}`;
  if (error instanceof WikiBusyError) return 'The wiki is busy with another write. Try again in a few seconds.';
  // Any other domain error (e.g. an unparseable updated_since) carries a message written for the caller.
  if (error instanceof WikiError) return error.message;
  return undefined;
}

/** The text for an unexpected failure (the error itself is logged, not shown). */
export function internalErrorText(tool: string): string {
  return (
    `The wiki could not complete ${tool} because of an internal error. ` +
    `Try again; if it keeps failing, tell the wiki's administrator.`
  );
}
