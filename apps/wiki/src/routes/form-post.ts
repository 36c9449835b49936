/**
 * @module The checks every page-changing form post passes, in the order the save form set: the browser's
 * Origin first (before the body is read), then the body, the signed-in writer, and the session's CSRF token.
 * Rename, delete and revert use {@link writerForm}; save keeps its own order only to hand a signed-out
 * user's text back.
 */
import type { Author } from '@wikibot/wiki-core';
import { checkCsrfToken, checkOrigin } from '../auth/csrf.js';
import { requireWrite, sessionAuthor, type RequestContext } from '../context.js';
import { readForm } from '../http/body.js';

/** The longest commit message a form may set. */
const MAX_MESSAGE = 500;

/** The commit message a form asks for, trimmed and bounded; undefined for wiki-core's default. */
export function formMessage(form: URLSearchParams): string | undefined {
  return (form.get('message') ?? '').trim().slice(0, MAX_MESSAGE) || undefined;
}

/**
 * The posted form of a signed-in writer and the git author to commit as.
 * @throws HttpError 403 for a cross-site post, a missing session, a reader, or a wrong CSRF token
 */
export async function writerForm(ctx: RequestContext): Promise<{ form: URLSearchParams; author: Author }> {
  const form = await checkedWriterForm(ctx);
  return { form, author: await sessionAuthor(ctx.session!, ctx.deps.config.origin) };
}

/**
 * The posted form of a signed-in writer, for posts that commit nothing (the editor's preview).
 * @throws HttpError 403 for a cross-site post, a missing session, a reader, or a wrong CSRF token
 */
export async function checkedWriterForm(ctx: RequestContext): Promise<URLSearchParams> {
  checkOrigin(ctx.request, ctx.deps.config.origin);
  const form = await readForm(ctx.request);
  requireWrite(ctx); // a POST: throws a 403 unless a writer is signed in
  checkCsrfToken(form, ctx.session!);
  return form;
}
