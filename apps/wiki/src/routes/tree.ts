/**
 * @module The page tree's data: the levels a sidebar shows for a page (the top and each folder on the way to it,
 * and the page's own sub-pages), and `/-/tree?path=<folder>`, one folder's entries as an HTML fragment for
 * `nav.js` (read access as for pages; a bad path 400).
 */
import { plainResponse } from '@wikibot/lambda-http';
import { InvalidPathError, type PageTreeEntry, type WikiApi } from '@wikibot/wiki-core';
import { requireRead, type RequestContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
import { pageTreeNav, treeFragment, type TreeLevels } from '../views/page-tree.js';
import type { SafeHtml } from '../views/html.js';

/** The deepest folder a sidebar opens (deeper pages show their branch down to here). */
const MAX_OPEN_DEPTH = 10;

/** The levels a sidebar shows for `path`: '' and each of its folders, and `path` itself (its sub-pages). */
export async function treeLevels(wiki: WikiApi, path: string): Promise<TreeLevels> {
  const segments = path.split('/').filter((s) => s !== '');
  const folders = [''];
  for (let i = 1; i <= Math.min(segments.length, MAX_OPEN_DEPTH); i++) folders.push(segments.slice(0, i).join('/'));
  const level = async (folder: string): Promise<PageTreeEntry[]> => {
    try {
      return await wiki.pageTree(folder);
    } catch (error) {
      if (error instanceof InvalidPathError) return []; // a 404 page's name that no page can have
      throw error;
    }
  };
  const levels = await Promise.all(folders.map(level));
  return new Map(folders.map((f, i) => [f.toLowerCase(), levels[i]!]));
}

/** The sidebar's page tree for the page or folder at `path`. */
export async function pageTreeFor(wiki: WikiApi, path: string): Promise<SafeHtml> {
  return pageTreeNav(path, await treeLevels(wiki, path));
}

/** `/-/tree?path=<folder>` (GET, HEAD): the folder's entries, or an empty list for a folder with none. */
export async function handleTree(ctx: RequestContext, rest: readonly string[]): Promise<Response> {
  if (ctx.request.method !== 'GET' && ctx.request.method !== 'HEAD')
    throw new HttpError(405, 'method_not_allowed', 'Use GET for this address.', { headers: { allow: 'GET, HEAD' } });
  if (rest.length > 0) throw new HttpError(404, 'not_found', 'There is no such page.');
  const gate = requireRead(ctx);
  if (gate) return gate;
  const folder = (ctx.url.searchParams.get('path') ?? '').trim();
  const entries = await ctx.deps.wiki.pageTree(folder);
  return plainResponse(treeFragment(folder, entries).value, {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-cache' },
  });
}
