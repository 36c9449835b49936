/**
 * @module Site pages under `/-/`: search, changelog, index and new page (imported on the first request
 * for one of them; health and the stylesheet are in static.ts).
 */
import { plainResponse } from '@wikibot/lambda-http';
import { assertReachablePageName, InvalidPathError, type ListFilter } from '@wikibot/wiki-core';
import { requireRead, type RequestContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
import { htmlResponse, redirect } from '../http/responses.js';
import { changelogPage } from '../views/history.js';
import { existingPages } from '@wikibot/wiki-render/kept';
import { pageHref } from '../views/urls.js';
import { createPage, indexPage, searchPage } from '../views/site-pages.js';
import { searchByMeaning } from './search-by-meaning.js';
import { pageTreeFor } from './tree.js';
import { sitemapXml } from '../views/sitemap.js';

/** A site page's sidebar: the page tree's top level (no page of its own to mark). */
function siteSidebar(ctx: RequestContext) {
  return pageTreeFor(ctx.deps.wiki, '');
}

async function search(ctx: RequestContext, rest: readonly string[]): Promise<Response> {
  const query = (rest.length > 0 ? rest.join('/') : (ctx.url.searchParams.get('q') ?? '')).trim().slice(0, 200);
  const [[hits, meaning], sidebar] = await Promise.all([
    query ? Promise.all([ctx.deps.wiki.search(query, { limit: 50 }), searchByMeaning(ctx, query)]) : [[], null],
    siteSidebar(ctx),
  ]);
  return htmlResponse(searchPage({ query, hits, meaning, viewer: ctx.viewer, sidebar }));
}

/** Commits per changelog page, as in An Otter Wiki. */
const CHANGELOG_PAGE_SIZE = 100;

async function changelog(ctx: RequestContext): Promise<Response> {
  const raw = ctx.url.searchParams.get('page') ?? '1';
  if (!/^[1-9][0-9]{0,6}$/.test(raw))
    throw new HttpError(400, 'invalid_page', '"page" must be a page number (1, 2, …).');
  const page = Number(raw);
  // One commit more than shown: whether there are older ones, and the last row's parent for its diff link.
  const found = await ctx.deps.wiki.changelog({
    limit: CHANGELOG_PAGE_SIZE + 1,
    offset: (page - 1) * CHANGELOG_PAGE_SIZE,
  });
  if (found.length === 0 && page > 1) throw new HttpError(404, 'not_found', `The changelog has no page ${page}.`);
  const revisions = found.slice(0, CHANGELOG_PAGE_SIZE);
  const hasOlder = found.length > CHANGELOG_PAGE_SIZE;
  const [present, sidebar] = await Promise.all([
    existingPages(ctx.deps.wiki)([...new Set(revisions.flatMap((r) => r.paths))]),
    siteSidebar(ctx),
  ]);
  const lower = new Set([...present].map((p) => p.toLowerCase()));
  return htmlResponse(
    changelogPage({
      revisions,
      parentOfLast: found[CHANGELOG_PAGE_SIZE]?.revision,
      page,
      hasOlder,
      viewer: ctx.viewer,
      exists: (path) => lower.has(path.toLowerCase()),
      sidebar,
    }),
  );
}

async function index(ctx: RequestContext): Promise<Response> {
  const q = ctx.url.searchParams;
  const filter: ListFilter = {
    prefix: q.get('prefix') || undefined,
    category: q.get('category') || undefined,
    tag: q.get('tag') || undefined,
  };
  const described = Object.entries(filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} “${v}”`)
    .join(', ');
  const [pages, sidebar] = await Promise.all([ctx.deps.wiki.listPages(filter), siteSidebar(ctx)]);
  const filtered = described ? `with ${described}` : undefined;
  return htmlResponse(indexPage({ pages, viewer: ctx.viewer, filter: filtered, sidebar }));
}

function create(ctx: RequestContext): Response {
  const name = ctx.url.searchParams.get('name');
  if (name === null) return htmlResponse(createPage({ viewer: ctx.viewer }));
  try {
    // The check saving would make, made before the editor opens: one rule for MCP, REST and the browser.
    const canonical = assertReachablePageName(name, { retainCase: ctx.deps.config.retainPageNameCase });
    return redirect(pageHref(canonical, '/edit'), 303);
  } catch (error) {
    if (!(error instanceof InvalidPathError)) throw error;
    return htmlResponse(createPage({ viewer: ctx.viewer, error: error.message, name }), 400);
  }
}

async function sitemap(ctx: RequestContext): Promise<Response> {
  const xml = sitemapXml({ origin: ctx.deps.config.origin, pages: await ctx.deps.wiki.listPages() });
  // A private wiki's page names are not for shared caches.
  const cache = ctx.deps.config.wikiReadAccess === 'public' ? 'public, max-age=300' : 'private, no-cache';
  return plainResponse(xml.value, {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': cache },
  });
}

/** Handles `/-/<name>` pages other than sign-in; returns undefined for names it does not know. */
export async function handleSite(
  ctx: RequestContext,
  name: string,
  rest: readonly string[],
): Promise<Response | undefined> {
  if (ctx.request.method !== 'GET' && ctx.request.method !== 'HEAD') return undefined;
  const known = ['search', 'changelog', 'index', 'create', 'sitemap.xml'];
  if (!known.includes(name)) return undefined;
  const gate = requireRead(ctx);
  if (gate) return gate;
  switch (name) {
    case 'search':
      return search(ctx, rest);
    case 'changelog':
      return changelog(ctx);
    case 'index':
      return index(ctx);
    case 'sitemap.xml':
      return sitemap(ctx);
    default:
      if (rest.length > 0) throw new HttpError(404, 'not_found', 'There is no such page.');
      return create(ctx);
  }
}
