/**
 * @module `POST /-/preview`: the editor's live preview. The posted Markdown goes through the page view's own
 * renderer (so the preview shows exactly what saving would), behind the save form's checks: same-origin post,
 * a signed-in writer, the session's CSRF token. Imported on the first preview, so page views never load it.
 */
import { plainResponse } from '@wikibot/lambda-http';
import { MAX_PAGE_BYTES, normalizePagePath, readFrontmatter } from '@wikibot/wiki-core';
import type { RequestContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
import { checkedWriterForm } from './form-post.js';
import { existingPages } from '@wikibot/wiki-render/kept';

/** The page the preview is for, so `./a/<file>` attachments resolve against it; undefined when not given. */
function pageOf(form: URLSearchParams): string | undefined {
  const path = form.get('path');
  if (!path) return undefined;
  try {
    return normalizePagePath(path);
  } catch {
    throw new HttpError(400, 'invalid_path', 'The page named for the preview is not a valid page name.');
  }
}

/**
 * Renders the posted `content` as the page would show it: an HTML fragment, sanitized by the renderer.
 * @throws HttpError 405 for anything but POST; 403 as the save form; 413 for text over a page's limit
 */
export async function handlePreview(ctx: RequestContext): Promise<Response> {
  if (ctx.request.method !== 'POST') {
    throw new HttpError(405, 'method_not_allowed', 'Use POST for this address.', { headers: { allow: 'POST' } });
  }
  const form = await checkedWriterForm(ctx);
  const content = (form.get('content') ?? '').replace(/\r\n?/g, '\n');
  if (Buffer.byteLength(content) > MAX_PAGE_BYTES) {
    throw new HttpError(413, 'payload_too_large', `A page holds at most ${MAX_PAGE_BYTES} bytes; this text is longer.`);
  }
  const { renderMarkdown } = await import('@wikibot/wiki-render');
  // The page view renders the body without its frontmatter; so does the preview.
  const rendered = await renderMarkdown(
    (await readFrontmatter(content)).body,
    existingPages(ctx.deps.wiki),
    pageOf(form),
  );
  return plainResponse(rendered, {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}
