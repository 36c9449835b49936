/**
 * @module Domain errors of the wiki engine. They carry no HTTP; each app maps them to its own answers.
 */

/** Base class of every wiki-core error. */
export class WikiError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WikiError';
  }
}

/** A page path is empty, too long, absolute, escapes the repository, names .git, or has control characters. */
export class InvalidPathError extends WikiError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidPathError';
  }
}

/** No page at that path (or at that revision). */
export class PageNotFoundError extends WikiError {
  readonly path: string;
  constructor(path: string, options?: ErrorOptions) {
    super(`Page "${path}" does not exist`, options);
    this.name = 'PageNotFoundError';
    this.path = path;
  }
}

/** A page already exists where one was to be created (e.g. a rename target). */
export class PageExistsError extends WikiError {
  readonly path: string;
  constructor(path: string, options?: ErrorOptions) {
    super(`Page "${path}" already exists`, options);
    this.name = 'PageExistsError';
    this.path = path;
  }
}

/** The page changed since the revision the caller based its write on. */
export class EditConflictError extends WikiError {
  readonly path: string;
  readonly baseRevision: string;
  readonly currentRevision: string;
  constructor(path: string, baseRevision: string, currentRevision: string, options?: ErrorOptions) {
    super(
      `Revision mismatch: page "${path}" has been modified since revision ` +
        `${baseRevision} (now ${currentRevision}); re-read it and retry`,
      options,
    );
    this.name = 'EditConflictError';
    this.path = path;
    this.baseRevision = baseRevision;
    this.currentRevision = currentRevision;
  }
}

/**
 * An existing page was to be replaced without naming the revision the caller read (`requireBaseRevision`):
 * blind overwrites lose other people's changes.
 */
export class RevisionRequiredError extends WikiError {
  readonly path: string;
  readonly currentRevision: string;
  constructor(path: string, currentRevision: string, options?: ErrorOptions) {
    super(
      `Revision required when updating an existing page: read "${path}" first to get its current revision`,
      options,
    );
    this.name = 'RevisionRequiredError';
    this.path = path;
    this.currentRevision = currentRevision;
  }
}

/** The text to replace in an edit was not found, or found more than once. */
export class EditMatchError extends WikiError {
  readonly occurrences: number;
  constructor(message: string, occurrences: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EditMatchError';
    this.occurrences = occurrences;
  }
}

/** Content over the page size limit. */
export class ContentTooLargeError extends WikiError {
  readonly limitBytes: number;
  constructor(sizeBytes: number, limitBytes: number, options?: ErrorOptions) {
    super(`Content is ${sizeBytes} bytes; the limit is ${limitBytes} bytes (1 MB)`, options);
    this.name = 'ContentTooLargeError';
    this.limitBytes = limitBytes;
  }
}

/** Content is not valid text (e.g. invalid UTF-8 or NUL bytes). */
export class InvalidContentError extends WikiError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidContentError';
  }
}

/** No such revision. */
export class RevisionNotFoundError extends WikiError {
  readonly revision: string;
  constructor(revision: string, options?: ErrorOptions) {
    super(`Revision "${revision}" does not exist`, options);
    this.name = 'RevisionNotFoundError';
    this.revision = revision;
  }
}

/** Another writer (wikibot or git) held a lock for longer than the caller may wait. */
export class WikiBusyError extends WikiError {
  /** How long this write waited, from the call until it gave up. */
  readonly waitedMs: number;
  constructor(waitedMs: number, holder = 'another write', options?: ErrorOptions) {
    super(`The wiki is busy with ${holder} (waited ${Math.round(waitedMs)} ms); try again shortly`, options);
    this.name = 'WikiBusyError';
    this.waitedMs = Math.round(waitedMs);
  }
}

/** An argument other than a path or content is invalid (e.g. an unparseable `updatedSince` date). */
export class InvalidArgumentError extends WikiError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidArgumentError';
  }
}

/** A diff would take too long or be too long to show; the caller can link to both revisions instead. */
export class DiffTooLargeError extends WikiError {
  readonly path: string;
  readonly fromRevision: string;
  readonly toRevision: string;
  constructor(path: string, fromRevision: string, toRevision: string, options?: ErrorOptions) {
    super(
      `The changes to "${path}" between ${fromRevision.slice(0, 7)} ` +
        `and ${toRevision.slice(0, 7)} are too large to show`,
      options,
    );
    this.name = 'DiffTooLargeError';
    this.path = path;
    this.fromRevision = fromRevision;
    this.toRevision = toRevision;
  }
}

/** No attachment of that name on the page. */
export class AttachmentNotFoundError extends WikiError {
  readonly path: string;
  readonly filename: string;
  constructor(path: string, filename: string, options?: ErrorOptions) {
    super(`Page "${path}" has no attachment "${filename}"`, options);
    this.name = 'AttachmentNotFoundError';
    this.path = path;
    this.filename = filename;
  }
}

/** An attachment over the size limit (see `MAX_ATTACHMENT_BYTES`). */
export class AttachmentTooLargeError extends WikiError {
  readonly limitBytes: number;
  constructor(sizeBytes: number, limitBytes: number, options?: ErrorOptions) {
    super(
      `Attachment too large: ${sizeBytes} bytes; the limit is ${limitBytes} ` +
        `bytes (4 MiB, what fits base64-encoded in one Lambda payload)`,
      options,
    );
    this.name = 'AttachmentTooLargeError';
    this.limitBytes = limitBytes;
  }
}

/** A blame would take too long or be too long to show (see `MAX_BLAME_LINES`); the caller can show the source. */
export class BlameTooLargeError extends WikiError {
  readonly path: string;
  constructor(path: string, reason: string, options?: ErrorOptions) {
    super(`The blame of "${path}" is too large to show: ${reason}`, options);
    this.name = 'BlameTooLargeError';
    this.path = path;
  }
}
