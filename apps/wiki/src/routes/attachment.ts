/**
 * @module `GET /<Page>/a/<filename>`: a page's attachment, served as An Otter Wiki serves it but never in a
 * form a browser could run. Only types a browser shows inertly (raster images, plain text, PDF) are served
 * inline with their own type; everything else, SVG and HTML included, is a download
 * (`Content-Disposition: attachment`), and every response keeps the wiki's CSP and `nosniff` (so no attachment runs as
 * a script).
 */
import { plainResponse } from '@wikibot/lambda-http';
import { requireRead, type RequestContext } from '../context.js';
import { HttpError } from '../http/http-error.js';

/** Types shown inline. Anything else is sent for download. */
const INLINE = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/vnd.microsoft.icon',
]);
/** Types sent with their own Content-Type, but only as a download (an `<img>` still shows an SVG). */
const DOWNLOAD_TYPED = new Set([
  'image/svg+xml',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/json',
  'application/zip',
]);

/** The headers an attachment of type `mimeType` is served with. */
export function attachmentHeaders(filename: string, mimeType: string, size: number): Record<string, string> {
  const inline = INLINE.has(mimeType);
  const type = inline || DOWNLOAD_TYPED.has(mimeType) ? mimeType : 'application/octet-stream';
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    'content-type': type.startsWith('text/') ? `${type}; charset=utf-8` : type,
    'content-length': String(size),
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, max-age=60',
  };
}

/** Serves one attachment (GET or HEAD). */
export async function handleAttachment(ctx: RequestContext, path: string, filename: string): Promise<Response> {
  const method = ctx.request.method;
  if (method !== 'GET' && method !== 'HEAD')
    throw new HttpError(405, 'method_not_allowed', 'Use GET for this address.', { headers: { allow: 'GET, HEAD' } });
  const gate = requireRead(ctx);
  if (gate) return gate;
  const file = await ctx.deps.wiki.readAttachment(path, filename);
  const headers = attachmentHeaders(file.filename, file.mimeType, file.size);
  return plainResponse(method === 'HEAD' ? null : file.bytes, {
    status: 200,
    headers,
  });
}
