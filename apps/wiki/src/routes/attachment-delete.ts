/**
 * @module `/<Page>/attachment/<file>` (An Otter Wiki's per-attachment page): GET shows the file and a confirming
 * delete button, POST (a writer's form with the session's CSRF token and `delete`) removes it through wiki-core's
 * `deleteAttachment`, one commit, and returns to the page's attachments.
 */
import { normalizePagePath, type Attachment } from '@wikibot/wiki-core';
import { requireWrite, type RequestContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
import { htmlResponse, redirect } from '../http/responses.js';
import { deleteAttachmentForm } from '../views/attachments.js';
import { pageHref } from '../views/urls.js';
import { formMessage, writerForm } from './form-post.js';

/**
 * The page's attachment `filename`, or the one wiki-core finds for that name (made safe, or in another case).
 * @throws AttachmentNotFoundError, PageNotFoundError (wiki-core's 404s)
 */
async function find(ctx: RequestContext, path: string, filename: string): Promise<Attachment> {
  const file = (await ctx.deps.wiki.listAttachments(path)).find((f) => f.filename === filename);
  return file ?? (await ctx.deps.wiki.readAttachment(path, filename));
}

/** Handles `/<Page>/attachment/<file>` once pages.ts has checked the method (GET, HEAD or POST). */
export async function handleAttachmentDelete(ctx: RequestContext, path: string, filename: string): Promise<Response> {
  const canonical = normalizePagePath(path);
  if (ctx.request.method !== 'POST') {
    const gate = requireWrite(ctx, pageHref(canonical, `/attachment/${encodeURIComponent(filename)}`));
    if (gate) return gate;
    const file = await find(ctx, canonical, filename);
    return htmlResponse(deleteAttachmentForm({ path: canonical, file, viewer: ctx.viewer }));
  }
  const { form, author } = await writerForm(ctx);
  if (form.get('delete') === null)
    throw new HttpError(400, 'invalid_form', 'Confirm with the Delete button to delete the attachment.');
  const message = formMessage(form) ?? `Delete ${filename}`;
  await ctx.deps.wiki.deleteAttachment(canonical, filename, { author, message });
  return redirect(pageHref(canonical, '/attachments'), 303);
}
