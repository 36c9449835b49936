/**
 * @module Errors of the HTTP layer itself (bad request bodies, refused CSRF tokens, missing sign-in), as
 * opposed to wiki-core's domain errors. Both kinds become responses in `error-response.ts`.
 */

/** An error that already knows its status, a stable machine code and a message safe to show. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra JSON fields for API clients (e.g. `current_revision`). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Extra response headers (e.g. `WWW-Authenticate`, `Allow`). */
  readonly headers?: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    message: string,
    options?: ErrorOptions & { details?: Record<string, unknown>; headers?: Record<string, string> },
  ) {
    super(message, options);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = options?.details;
    this.headers = options?.headers;
  }
}
