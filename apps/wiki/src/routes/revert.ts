/**
 * @module Reverting a page to a revision in the browser (`/<Page>/revert/<sha>`): GET confirms, POST writes the
 * revision's text as a new commit by the signed-in user, with a message naming the revision. A page deleted since
 * comes back. Changed since the confirmation → 409 with the form again; a missing page or revision → 404.
 */
import {
  EditConflictError,
  PageExistsError,
  PageNotFoundError,
  normalizePagePath,
  type Author,
  type Page,
} from '@wikibot/wiki-core';
import { requireWrite, type RequestContext } from '../context.js';
import { htmlResponse, redirect } from '../http/responses.js';
import { revertForm, revertMessage } from '../views/revert.js';
import { pageHref } from '../views/urls.js';
import { formMessage, writerForm } from './form-post.js';
import { revisionParam } from './revision-param.js';

/** The page's current revision, '' when it does not exist now. */
async function currentRevision(ctx: RequestContext, path: string): Promise<string> {
  try {
    return (await ctx.deps.wiki.readPage(path)).revision;
  } catch (error) {
    if (error instanceof PageNotFoundError) return '';
    throw error;
  }
}

async function confirm(ctx: RequestContext, path: string, old: Page): Promise<Response> {
  return htmlResponse(revertForm({ old, currentRevision: await currentRevision(ctx, path), viewer: ctx.viewer }));
}

/** Stores `old`'s text as the page's next revision. */
async function revert(
  ctx: RequestContext,
  path: string,
  old: Page,
  form: URLSearchParams,
  author: Author,
): Promise<Response> {
  const message = formMessage(form);
  const base = revisionParam(form.get('base'), 'base');
  try {
    await ctx.deps.wiki.writePage(path, old.content, {
      author,
      message: revertMessage(old.path, old.revision, message),
      baseRevision: base,
      createOnly: !base,
    });
    return redirect(pageHref(old.path), 303);
  } catch (error) {
    if (!(error instanceof EditConflictError || error instanceof PageExistsError)) throw error;
    const reason = `${old.path} changed since this form was opened. Check the latest version, then try again.`;
    const page = revertForm({
      old,
      currentRevision: await currentRevision(ctx, path),
      viewer: ctx.viewer,
      error: reason,
      message,
    });
    return htmlResponse(page, 409);
  }
}

/** Handles `/<Page>/revert/<sha>` once pages.ts has checked the method. */
export async function handleRevert(ctx: RequestContext, path: string, revision: string | undefined): Promise<Response> {
  const sha = revisionParam(revision, 'revision')!;
  const canonical = normalizePagePath(path);
  if (ctx.request.method === 'POST') {
    const { form, author } = await writerForm(ctx);
    return revert(ctx, canonical, await ctx.deps.wiki.readPage(canonical, { revision: sha }), form, author);
  }
  const gate = requireWrite(ctx, pageHref(canonical, `/revert/${encodeURIComponent(sha)}`));
  if (gate) return gate;
  return confirm(ctx, canonical, await ctx.deps.wiki.readPage(canonical, { revision: sha }));
}
