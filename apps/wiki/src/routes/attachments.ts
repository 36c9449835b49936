/**
 * @module `/<Page>/attachments` (An Otter Wiki's attachments page): GET lists the page's files for readers; POST
 * uploads files from a plain `multipart/form-data` form (no script needed) for writers, with the checks every
 * browser write passes (same-origin post, signed-in writer, the session's CSRF token in the form). Each file is
 * one wiki-core `writeAttachment` commit by the signed-in user. The body limit is the attachment limit plus room
 * for the multipart framing: base64-encoded by API Gateway it still fits Lambda's 6 MB request payload.
 */
import {
  attachmentFilename,
  InvalidArgumentError,
  MAX_ATTACHMENT_BYTES,
  normalizePagePath,
  PageNotFoundError,
} from '@wikibot/wiki-core';
import { checkCsrfToken, checkOrigin } from '../auth/csrf.js';
import { requireRead, requireWrite, sessionAuthor, type RequestContext } from '../context.js';
import { readBytes } from '../http/body.js';
import { HttpError } from '../http/http-error.js';
import { htmlResponse, redirect } from '../http/responses.js';
import { attachmentsPage, formatSize } from '../views/attachments.js';
import { pageHref } from '../views/urls.js';
import { formMessage } from './form-post.js';
import { pageNotFoundResponse } from './page-not-found.js';

/** A file part of the posted form. */
type UploadedFile = Exclude<ReturnType<FormData['get']>, string | null>;

/**
 * The largest multipart body (the browser's upload form): one attachment's limit plus 64 KiB of multipart framing
 * (×4/3 in the event's base64 < 6 MB). REST's JSON uploads carry base64 and have their own cap (api/attachments.ts).
 */
const MAX_FORM_UPLOAD_BODY_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

/** The page's attachments page, with `error` when an upload was refused (status `status`). */
async function listing(ctx: RequestContext, path: string, status = 200, error?: string, message?: string) {
  try {
    const files = await ctx.deps.wiki.listAttachments(path);
    const page = attachmentsPage({ path, files, viewer: ctx.viewer, limitBytes: MAX_ATTACHMENT_BYTES, error, message });
    return htmlResponse(page, status);
  } catch (err) {
    if (err instanceof PageNotFoundError) return pageNotFoundResponse(ctx, normalizePagePath(path));
    throw err;
  }
}

/** The posted multipart form. @throws HttpError 415 for another body type, 413 over the limit, 400 when malformed */
async function readMultipart(request: Request): Promise<FormData> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type))
    throw new HttpError(415, 'unsupported_media_type', 'Send the files as multipart/form-data.');
  const bytes = await readBytes(request, MAX_FORM_UPLOAD_BODY_BYTES);
  try {
    return await new Response(bytes, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new HttpError(400, 'invalid_form', 'The upload form data could not be read.');
  }
}

/** Why the chosen files cannot be stored, or undefined when all can. */
function refusal(files: readonly UploadedFile[]): { status: number; reason: string } | undefined {
  if (files.length === 0) return { status: 400, reason: 'Choose at least one file to upload.' };
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > MAX_ATTACHMENT_BYTES) {
    const bytes = (n: number) => n.toLocaleString('en-US');
    const limit = `${bytes(MAX_ATTACHMENT_BYTES)} (${formatSize(MAX_ATTACHMENT_BYTES)})`;
    const reason = `The files come to ${bytes(total)} bytes; at most ${limit} can be uploaded at once.`;
    return { status: 413, reason };
  }
  for (const file of files) {
    try {
      attachmentFilename(file.name);
    } catch (error) {
      if (error instanceof InvalidArgumentError) return { status: 422, reason: error.message };
      throw error;
    }
  }
  return undefined;
}

async function upload(ctx: RequestContext, path: string): Promise<Response> {
  checkOrigin(ctx.request, ctx.deps.config.origin);
  requireWrite(ctx); // a POST: throws a 403 unless a writer is signed in
  let form: FormData;
  try {
    form = await readMultipart(ctx.request);
  } catch (error) {
    if (error instanceof HttpError && error.status === 413) {
      const reason = `The upload is over ${formatSize(MAX_ATTACHMENT_BYTES)}, the most one request can carry here.`;
      return listing(ctx, path, 413, reason);
    }
    throw error;
  }
  const session = ctx.session!;
  checkCsrfToken(new URLSearchParams({ csrf: String(form.get('csrf') ?? '') }), session);
  const message = formMessage(new URLSearchParams({ message: String(form.get('message') ?? '') }));
  // A file input left empty still sends one part, with no name and no bytes.
  const files = form.getAll('file').filter((f): f is UploadedFile => typeof f !== 'string' && f.name !== '');
  const refused = refusal(files);
  if (refused) return listing(ctx, path, refused.status, refused.reason, message);
  const author = await sessionAuthor(session, ctx.deps.config.origin);
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await ctx.deps.wiki.writeAttachment(path, file.name, bytes, {
      author,
      message: message ?? `Attach ${attachmentFilename(file.name)}`,
    });
  }
  return redirect(pageHref(normalizePagePath(path), '/attachments'), 303);
}

/** Handles `/<Page>/attachments` once pages.ts has checked the method (GET, HEAD or POST). */
export async function handleAttachments(ctx: RequestContext, path: string): Promise<Response> {
  if (ctx.request.method === 'POST') return upload(ctx, path);
  const gate = requireRead(ctx);
  if (gate) return gate;
  return listing(ctx, normalizePagePath(path));
}
