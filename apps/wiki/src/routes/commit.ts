/**
 * @module `/-/commit/<sha>`: one commit with its changes (imported on the first request for one). Read access as for
 * pages; an id that is not a commit of this repository — unknown, ambiguous, not hex, a blob's — is a 404.
 */
import { RevisionNotFoundError } from '@wikibot/wiki-core';
import { requireRead, type RequestContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
import { htmlResponse } from '../http/responses.js';
import { commitPage } from '../views/commit.js';

const COMMIT_ID = /^[0-9a-f]{4,40}$/i;

/** Handles `/-/commit/<sha>` (GET and HEAD). */
export async function handleCommit(ctx: RequestContext, rest: readonly string[]): Promise<Response> {
  if (ctx.request.method !== 'GET' && ctx.request.method !== 'HEAD')
    throw new HttpError(405, 'method_not_allowed', 'Use GET for this address.', { headers: { allow: 'GET, HEAD' } });
  const gate = requireRead(ctx);
  if (gate) return gate;
  const sha = rest.length === 1 ? rest[0]! : '';
  const unknown = () => new HttpError(404, 'not_found', `There is no commit “${sha.slice(0, 64)}” in this wiki.`);
  if (!COMMIT_ID.test(sha)) throw unknown();
  try {
    const details = await ctx.deps.wiki.commit(sha);
    return htmlResponse(commitPage({ details, viewer: ctx.viewer }));
  } catch (error) {
    if (error instanceof RevisionNotFoundError) throw unknown();
    throw error;
  }
}
