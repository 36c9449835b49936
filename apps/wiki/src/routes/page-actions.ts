/**
 * @module The page actions beyond viewing: edit form, save, history and diff. Imported by pages.ts on
 * the first request for one of them, so a page view never loads the editor, CSRF checks or diff views.
 */
import {
  DiffTooLargeError,
  EditConflictError,
  MAX_DIFF_CHARS,
  PageExistsError,
  PageNotFoundError,
  normalizePagePath,
  type WikiApi,
} from '@wikibot/wiki-core';
import { checkCsrfToken, checkOrigin } from '../auth/csrf.js';
import { requireWrite, sessionAuthor, type RequestContext } from '../context.js';
import { readForm } from '../http/body.js';
import { HttpError } from '../http/http-error.js';
import { htmlResponse, redirect } from '../http/responses.js';
import { diffPage } from '../views/diff.js';
import { conflictPage, editPage } from '../views/edit.js';
import { historyPage } from '../views/history.js';
import { html } from '../views/html.js';
import { loginHref, pageHref } from '../views/urls.js';
import { messagePage, pageNotFound } from '../views/messages.js';
import { formMessage } from './form-post.js';
import { revisionParam } from './revision-param.js';
import { pageTreeFor } from './tree.js';

/** The diff between two revisions, or null when wiki-core finds it too large to show (the view links both instead). */
async function boundedDiff(wiki: WikiApi, path: string, from: string, to?: string): Promise<string | null> {
  try {
    return await wiki.diff(path, from, to);
  } catch (error) {
    if (error instanceof DiffTooLargeError) return null;
    throw error;
  }
}

async function edit(ctx: RequestContext, path: string): Promise<Response> {
  const canonical = normalizePagePath(path);
  const gate = requireWrite(ctx, pageHref(canonical, '/edit'));
  if (gate) return gate;
  const { wiki } = ctx.deps;
  // The tree is opened at the name as asked; page identity is case-insensitive, so the page is marked either way.
  const [page, sidebar] = await Promise.all([
    wiki.readPage(canonical).catch((error: unknown) => {
      if (error instanceof PageNotFoundError) return undefined;
      throw error;
    }),
    pageTreeFor(wiki, canonical),
  ]);
  const form = page
    ? { path: page.path, title: page.title, content: page.content, baseRevision: page.revision }
    : { path: canonical, title: canonical, content: `# ${canonical.split('/').pop()}\n\n`, baseRevision: '' };
  return htmlResponse(editPage({ ...form, viewer: ctx.viewer, sidebar }));
}

/** The 403 for a save whose session expired: the text comes back so the edit is not lost. */
function signedOutSave(ctx: RequestContext, form: URLSearchParams, path: string): Response {
  const extra = html`<p>Your text is below; copy it, <a href="${loginHref(pageHref(path, '/edit'))}">sign in again</a> and paste it into the editor.</p>
<textarea class="source" readonly aria-label="Your text">${form.get('content') ?? ''}</textarea>`;
  const page = messagePage({
    title: 'Signed out',
    message: 'You are not signed in (or your session expired), so nothing was saved.',
    viewer: ctx.viewer,
    extra,
  });
  return htmlResponse(page, 403);
}

async function save(ctx: RequestContext, path: string): Promise<Response> {
  checkOrigin(ctx.request, ctx.deps.config.origin);
  const form = await readForm(ctx.request);
  if (!ctx.session) return signedOutSave(ctx, form, normalizePagePath(path));
  requireWrite(ctx); // signed in: throws a 403 naming whom to ask unless the policy grants write
  const session = ctx.session;
  checkCsrfToken(form, session);
  const canonical = normalizePagePath(path);
  // Browsers send textarea lines with CRLF; pages are stored with LF.
  const content = (form.get('content') ?? '').replace(/\r\n?/g, '\n');
  const base = revisionParam(form.get('base'), 'base');
  const message = formMessage(form);
  const { wiki } = ctx.deps;
  const conflict = async (currentRevision: string, diff: string | null, title: string) =>
    htmlResponse(
      conflictPage({
        path: canonical,
        title,
        content,
        baseRevision: currentRevision,
        message,
        viewer: ctx.viewer,
        currentRevision,
        diff,
        sidebar: await pageTreeFor(wiki, canonical),
      }),
      409,
    );
  try {
    // No base: the editor opened an empty form, so the save is create-only, decided under the write lock.
    await wiki.writePage(canonical, content, {
      author: await sessionAuthor(session, ctx.deps.config.origin),
      message,
      baseRevision: base,
      createOnly: !base,
    });
  } catch (error) {
    if (error instanceof PageExistsError) {
      // Someone created the page since this editor opened the empty form.
      const current = await wiki.readPage(canonical);
      const created = current.content
        .split('\n')
        .map((line) => `+${line}`)
        .join('\n');
      return conflict(current.revision, created.length > MAX_DIFF_CHARS ? null : created, current.title);
    }
    if (!(error instanceof EditConflictError)) throw error;
    return conflict(
      error.currentRevision,
      await boundedDiff(wiki, canonical, error.baseRevision, error.currentRevision),
      canonical,
    );
  }
  return redirect(pageHref(canonical), 303);
}

async function history(ctx: RequestContext, path: string): Promise<Response> {
  const revisions = await ctx.deps.wiki.history(path, { limit: 200 });
  const canonical = normalizePagePath(path);
  const sidebar = await pageTreeFor(ctx.deps.wiki, canonical);
  if (revisions.length === 0) return htmlResponse(pageNotFound(canonical, ctx.viewer, sidebar), 404);
  return htmlResponse(historyPage({ path: canonical, title: canonical, revisions, viewer: ctx.viewer, sidebar }));
}

async function diff(ctx: RequestContext, path: string): Promise<Response> {
  const from = revisionParam(ctx.url.searchParams.get('from'), 'from');
  const to = revisionParam(ctx.url.searchParams.get('to'), 'to');
  if (!from)
    throw new HttpError(400, 'invalid_revision', 'Say which revision to compare from: ?from=<commit>[&to=<commit>].');
  const canonical = normalizePagePath(path);
  const [text, sidebar] = await Promise.all([
    boundedDiff(ctx.deps.wiki, canonical, from, to),
    pageTreeFor(ctx.deps.wiki, canonical),
  ]);
  return htmlResponse(
    diffPage({ path: canonical, title: canonical, from, to, diff: text, viewer: ctx.viewer, sidebar }),
  );
}

/** Handles `/<Page>/edit`, `/save`, `/history` and `/diff` once pages.ts has checked the method (and read access). */
export async function handlePageAction(
  ctx: RequestContext,
  path: string,
  action: 'edit' | 'save' | 'history' | 'diff',
): Promise<Response> {
  switch (action) {
    case 'edit':
      return edit(ctx, path);
    case 'save':
      return save(ctx, path);
    case 'history':
      return history(ctx, path);
    case 'diff':
      return diff(ctx, path);
  }
}
