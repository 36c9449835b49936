/**
 * @module The page routes: viewing a page (now or at a revision) is handled here; edit, save, history
 * and diff live in page-actions.ts, imported (with every route a view does not take: lazy-routes.ts) on the
 * first request for one of them. The Markdown renderer (markdown-it) is imported by the first view that finds no
 * render kept (`@wikibot/wiki-render`), so health checks, the stylesheet, the REST API and views of pages rendered
 * before never load it.
 */
import { PageNotFoundError, normalizePagePath, type Page, type PageHead } from '@wikibot/wiki-core';
import { requireRead, type RequestContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
import { htmlResponse } from '../http/responses.js';
import type { PageAction } from '../router.js';
import { html, trusted } from '../views/html.js';
import { folderPage } from '../views/folder.js';
import { pageNotFound } from '../views/messages.js';
import { pageView } from '../views/page-view.js';
import { tableOfContents } from '../views/toc.js';
import { existingPages, keptRender } from '@wikibot/wiki-render/kept';
import type { RenderedPage } from '@wikibot/wiki-render';
import { pageTreeFor } from './tree.js';
import { revisionParam } from './revision-param.js';

/**
 * The latest revision of a page, as a page view shows it: its head from the index and, when it was rendered before
 * as that blob, its kept render — then no git object is read; otherwise the page read and rendered, and the render
 * kept as that of the blob the head named when the text read is still that blob (no change came in between).
 */
async function current(ctx: RequestContext, path: string): Promise<{ page: Page | PageHead; rendered: RenderedPage }> {
  const { wiki } = ctx.deps;
  const head = await wiki.readPageHead(path);
  const { dataDir } = ctx.deps.config;
  const kept = await keptRender(wiki, head, dataDir);
  if (kept) return { page: head, rendered: kept };
  const { renderCurrent } = await import('@wikibot/wiki-render');
  return renderCurrent(wiki, head, dataDir);
}

/** A page at `revision`, rendered each time. */
async function atRevision(ctx: RequestContext, path: string, revision: string) {
  const page = await ctx.deps.wiki.readPage(path, { revision });
  const { renderPage } = await import('@wikibot/wiki-render');
  return { page, rendered: await renderPage(page.body, existingPages(ctx.deps.wiki), page.path) };
}

async function view(ctx: RequestContext, path: string, revision?: string): Promise<Response> {
  const { wiki } = ctx.deps;
  try {
    const shown = revision ? atRevision(ctx, path, revision) : current(ctx, path);
    const tree = shown.then(({ page }) => pageTreeFor(wiki, page.path));
    const [{ page, rendered }, treeHtml] = await Promise.all([shown, tree]);
    const sidebar = html`${treeHtml}${tableOfContents(rendered.toc)}`;
    return htmlResponse(
      pageView({
        page,
        rendered: trusted(rendered.html),
        ownHeading: rendered.ownHeading,
        viewer: ctx.viewer,
        atRevision: revision,
        sidebar,
      }),
    );
  } catch (error) {
    if (error instanceof PageNotFoundError && !revision) return missing(ctx, normalizePagePath(path));
    throw error;
  }
}

/** A missing page: its folder's sub-pages when pages live under `<path>/` (as in An Otter Wiki), else a 404. */
async function missing(ctx: RequestContext, path: string): Promise<Response> {
  const [pages, sidebar] = await Promise.all([
    ctx.deps.wiki.listPages({ prefix: `${path}/` }),
    pageTreeFor(ctx.deps.wiki, path),
  ]);
  if (pages.length > 0) return htmlResponse(folderPage({ folder: path, pages, viewer: ctx.viewer, sidebar }));
  return htmlResponse(pageNotFound(path, ctx.viewer, sidebar), 404);
}

/** Actions whose GET shows a form that a POST to the same address carries out. */
const FORM_ACTIONS: ReadonlySet<PageAction> = new Set(['rename', 'delete', 'revert', 'attachments', 'attachment']);

/** The methods an action answers (HEAD wherever GET is). */
function methodsOf(action: PageAction): readonly string[] {
  if (action === 'save') return ['POST'];
  return FORM_ACTIONS.has(action) ? ['GET', 'POST'] : ['GET'];
}

/** Handles `/<Page>[/<action>[/<argument>]]`: `argument` is the revision or, for `attachment`, the file name. */
export async function handlePage(
  ctx: RequestContext,
  path: string,
  action: PageAction,
  argument?: string,
): Promise<Response> {
  const method = ctx.request.method;
  const allowed = methodsOf(action);
  if (!allowed.includes(method) && !(method === 'HEAD' && allowed.includes('GET'))) {
    throw new HttpError(405, 'method_not_allowed', `Use ${allowed.join(' or ')} for this address.`, {
      headers: { allow: allowed.join(', ') },
    });
  }
  if (action === 'save') return (await import('./lazy-routes.js')).handlePageAction(ctx, path, action);
  // Writers only, checked inside (a sign-in redirect for GET, a 403 for POST).
  if (action === 'rename' || action === 'delete')
    return (await import('./lazy-routes.js')).handlePageMove(ctx, path, action);
  if (action === 'revert') return (await import('./lazy-routes.js')).handleRevert(ctx, path, argument);
  // Readers may list attachments, writers upload and delete: checked inside.
  if (action === 'attachments') return (await import('./lazy-routes.js')).handleAttachments(ctx, path);
  if (action === 'attachment')
    return (await import('./lazy-routes.js')).handleAttachmentDelete(ctx, path, argument ?? '');
  const gate = requireRead(ctx);
  if (gate) return gate;
  switch (action) {
    case 'view':
      return view(ctx, path, revisionParam(ctx.url.searchParams.get('revision'), 'revision'));
    case 'revision':
      return view(ctx, path, revisionParam(argument, 'revision'));
    case 'edit':
    case 'history':
    case 'diff':
      return (await import('./lazy-routes.js')).handlePageAction(ctx, path, action);
    case 'blame':
      return (await import('./lazy-routes.js')).handleBlame(
        ctx,
        path,
        revisionParam(ctx.url.searchParams.get('revision'), 'revision'),
      );
    case 'source':
      return (await import('./lazy-routes.js')).handleSource(
        ctx,
        path,
        revisionParam(ctx.url.searchParams.get('revision'), 'revision'),
      );
  }
}
