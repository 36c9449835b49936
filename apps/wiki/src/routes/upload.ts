/**
 * @module `POST /-/upload?page=<Page>&filename=<name>`: the editor's drag-and-drop and paste uploads. The body
 * is the file's raw bytes (no base64, no multipart); the checks are the save form's (same-origin post, a
 * signed-in writer, the session's CSRF token — sent as `X-CSRF-Token`, the body being the file), and the file
 * goes through wiki-core's `writeAttachment`, as the REST API's upload does: one commit by the signed-in user.
 */
import { attachmentUrlPath, MAX_ATTACHMENT_BYTES } from '@wikibot/wiki-core';
import { checkCsrfToken, checkOrigin } from '../auth/csrf.js';
import { requireWrite, sessionAuthor, type RequestContext } from '../context.js';
import { readBytes } from '../http/body.js';
import { HttpError } from '../http/http-error.js';
import { jsonResponse } from '../http/responses.js';

/**
 * Stores the posted file as an attachment of `page` and answers `{filename, url}` (201).
 * @throws HttpError 405 for anything but POST; 403 as the save form; 400 without page or filename; 413 over 4 MiB
 */
export async function handleUpload(ctx: RequestContext): Promise<Response> {
  if (ctx.request.method !== 'POST') {
    throw new HttpError(405, 'method_not_allowed', 'Use POST for this address.', { headers: { allow: 'POST' } });
  }
  checkOrigin(ctx.request, ctx.deps.config.origin);
  requireWrite(ctx); // a POST: throws a 403 unless a writer is signed in
  const session = ctx.session!;
  checkCsrfToken(new URLSearchParams({ csrf: ctx.request.headers.get('x-csrf-token') ?? '' }), session);
  const page = ctx.url.searchParams.get('page');
  const filename = ctx.url.searchParams.get('filename');
  if (!page || !filename)
    throw new HttpError(400, 'invalid_upload', 'Say which page and file name: ?page=<Page>&filename=<name>.');
  const bytes = await readBytes(ctx.request, MAX_ATTACHMENT_BYTES);
  const author = await sessionAuthor(session, ctx.deps.config.origin);
  const stored = await ctx.deps.wiki.writeAttachment(page, filename, bytes, { author, message: `Attach ${filename}` });
  return jsonResponse({ filename: stored.filename, url: attachmentUrlPath(stored.path, stored.filename) }, 201);
}
