/**
 * @module The 404 of a page address whose page does not exist (its rename, delete and attachments forms): laid out
 * as a page view's 404 is, with the page tree beside it and the page's folder open, so a reader who followed a
 * stale link can move on from there.
 */
import type { RequestContext } from '../context.js';
import { htmlResponse } from '../http/responses.js';
import { pageNotFound } from '../views/messages.js';
import { pageTreeFor } from './tree.js';

/** 404 for `path` (canonical), with the sidebar. */
export async function pageNotFoundResponse(ctx: RequestContext, path: string): Promise<Response> {
  return htmlResponse(pageNotFound(path, ctx.viewer, await pageTreeFor(ctx.deps.wiki, path)), 404);
}
