/**
 * @module The one place errors become HTTP: wiki-core's domain errors and the HTTP layer's own errors map
 * to a status and a stable code; anything else is a plain 500 with a request id, logged as one structured
 * line. No response ever carries a stack trace, a token or a cookie.
 */
import {
  AttachmentNotFoundError,
  AttachmentTooLargeError,
  ContentTooLargeError,
  EditConflictError,
  EditMatchError,
  InvalidArgumentError,
  InvalidContentError,
  InvalidPathError,
  PageExistsError,
  PageNotFoundError,
  RevisionNotFoundError,
  RevisionRequiredError,
  WikiBusyError,
} from '@wikibot/wiki-core';
import type { Identity } from '../identity.js';
import { ANONYMOUS, type Viewer } from '../views/layout.js';
import { messagePage } from '../views/messages.js';
import { HttpError } from './http-error.js';
import { htmlResponse, jsonResponse } from './responses.js';

interface Mapped {
  status: number;
  code: string;
  message: string;
  details?: Readonly<Record<string, unknown>>;
  headers?: Record<string, string>;
}

function classify(error: unknown, identity: Identity | undefined): Mapped | undefined {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      details: error.details,
      headers: { ...error.headers },
    };
  }
  if (identity && error instanceof identity.InvalidTokenError) {
    return {
      status: 401,
      code: 'invalid_token',
      message: error.message,
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    };
  }
  if (identity && error instanceof identity.IdentityError)
    return { status: 503, code: 'unavailable', message: error.message, headers: { 'retry-after': '5' } };
  if (error instanceof InvalidPathError) return { status: 400, code: 'invalid_path', message: error.message };
  if (error instanceof InvalidContentError) return { status: 400, code: 'invalid_content', message: error.message };
  if (error instanceof PageNotFoundError) return { status: 404, code: 'not_found', message: error.message };
  if (error instanceof RevisionNotFoundError)
    return { status: 404, code: 'revision_not_found', message: error.message };
  if (error instanceof PageExistsError) return { status: 409, code: 'page_exists', message: error.message };
  if (error instanceof EditConflictError) {
    return {
      status: 409,
      code: 'conflict',
      message: error.message,
      details: { current_revision: error.currentRevision },
    };
  }
  if (error instanceof RevisionRequiredError) return { status: 409, code: 'revision_required', message: error.message };
  if (error instanceof EditMatchError) return { status: 422, code: 'edit_mismatch', message: error.message };
  if (error instanceof InvalidArgumentError) return { status: 422, code: 'invalid_argument', message: error.message };
  if (error instanceof AttachmentNotFoundError)
    return { status: 404, code: 'attachment_not_found', message: error.message };
  // otterwiki-api answers 422 to an oversized attachment; a body over the request limit is a 413 before this.
  if (error instanceof AttachmentTooLargeError)
    return { status: 422, code: 'attachment_too_large', message: error.message };
  if (error instanceof ContentTooLargeError) return { status: 413, code: 'payload_too_large', message: error.message };
  if (error instanceof WikiBusyError)
    return { status: 503, code: 'busy', message: error.message, headers: { 'retry-after': '2' } };
  return undefined;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported content type',
  422: 'Cannot do that',
  502: 'Sign-in service unavailable',
  503: 'Busy',
};

/** How the error should be rendered and what to log it with. */
export interface ErrorContext {
  readonly format: 'html' | 'json';
  readonly requestId: string;
  readonly method: string;
  /** The request path (no query: queries may carry codes or state). */
  readonly path: string;
  readonly viewer?: Viewer;
  readonly log?: (line: Record<string, unknown>) => void;
  /**
   * `@wikibot/identity`, to recognize its errors (an invalid token → 401, an unreachable issuer,
   * directory or secret store → 503). Without it they are unexpected errors (500).
   */
  readonly identity?: Identity;
}

const defaultLog = (line: Record<string, unknown>): void => console.error(JSON.stringify(line));

/**
 * Turns any thrown value into a response: known errors keep their message, unknown ones become a plain
 * 500 naming only the request id (the details go to the log).
 */
export function errorToResponse(error: unknown, context: ErrorContext): Response {
  const known = classify(error, context.identity);
  const mapped: Mapped = known ?? {
    status: 500,
    code: 'internal_error',
    message: 'Something went wrong on our side. If it keeps happening, report the request id.',
  };
  if (!known || mapped.status >= 500) {
    (context.log ?? defaultLog)({
      level: known ? 'warn' : 'error',
      msg: known ? 'request refused' : 'unexpected error',
      requestId: context.requestId,
      method: context.method,
      path: context.path,
      status: mapped.status,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    });
  }
  const headers = { ...mapped.headers, 'x-request-id': context.requestId };
  if (context.format === 'json') {
    return jsonResponse(
      { error: mapped.message, code: mapped.code, ...mapped.details, request_id: context.requestId },
      mapped.status,
      headers,
    );
  }
  const page = messagePage({
    title: TITLES[mapped.status] ?? 'Error',
    message: mapped.message,
    viewer: context.viewer ?? ANONYMOUS,
    requestId: mapped.status >= 500 ? context.requestId : undefined,
  });
  return htmlResponse(page, mapped.status, headers);
}
