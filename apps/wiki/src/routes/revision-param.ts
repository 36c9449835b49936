/**
 * @module Revision ids in URLs and forms: a commit id abbreviated to 4..40 hex digits, or absent.
 */
import { HttpError } from '../http/http-error.js';

const REVISION = /^[0-9a-f]{4,40}$/i;

/** The revision `value` names, undefined when absent or empty; a 400 when it is not a commit id. */
export function revisionParam(value: string | null | undefined, name: string): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (!REVISION.test(value))
    throw new HttpError(400, 'invalid_revision', `"${name}" must be a commit id (4 to 40 hex digits).`);
  return value;
}
