/**
 * @module `/<Page>/source[?revision=<sha>]`: a page's Markdown as stored, in a page, or as text/plain with `raw`
 * (An Otter Wiki's `?raw`). Loaded on the first request for it.
 */
import { plainResponse } from '@wikibot/lambda-http';
import type { RequestContext } from '../context.js';
import { htmlResponse } from '../http/responses.js';
import { sourcePage } from '../views/source.js';

/** Answers once pages.ts has checked the method and read access; a missing page or revision is wiki-core's 404. */
export async function handleSource(ctx: RequestContext, path: string, revision?: string): Promise<Response> {
  const page = await ctx.deps.wiki.readPage(path, revision ? { revision } : undefined);
  if (ctx.url.searchParams.has('raw')) {
    return plainResponse(page.content, {
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-cache' },
    });
  }
  return htmlResponse(sourcePage({ page, viewer: ctx.viewer, atRevision: revision }));
}
