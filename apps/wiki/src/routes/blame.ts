/**
 * @module `/<Page>/blame[?revision=<sha>]`: which commit last changed each line (An Otter Wiki's blame), from
 * wiki-core's `blame`. A page beyond wiki-core's blame limits gets a short "too large" page linking its source and
 * history instead. Loaded on the first request for it.
 */
import { BlameTooLargeError } from '@wikibot/wiki-core';
import type { RequestContext } from '../context.js';
import { htmlResponse } from '../http/responses.js';
import { blamePage, blameTooLargePage } from '../views/blame.js';

/** Answers once pages.ts has checked the method and read access; a missing page or revision is wiki-core's 404. */
export async function handleBlame(ctx: RequestContext, path: string, revision?: string): Promise<Response> {
  try {
    const blame = await ctx.deps.wiki.blame(path, revision ? { revision } : undefined);
    return htmlResponse(blamePage({ blame, viewer: ctx.viewer, atRevision: revision }));
  } catch (error) {
    if (!(error instanceof BlameTooLargeError)) throw error;
    return htmlResponse(blameTooLargePage({ path: error.path, reason: error.message, viewer: ctx.viewer }));
  }
}
