/**
 * @module `/-/healthz`, `/-/static/wiki.css`, the scripts under `/-/static/` and `/favicon.ico`: answered
 * before any session is read; the assets' texts are imported with the routes a page view does not take.
 */
import { plainResponse } from '@wikibot/lambda-http';
import { jsonResponse } from '../http/responses.js';
import { ASSET_VERSIONS } from '../static/asset-versions.js';
import { FAVICON_ICO } from '../static/favicon.js';

/**
 * Health, the stylesheet and the scripts: answered before any session is read, so load balancers and cached
 * assets never cost a cookie decryption or a directory lookup. Undefined for anything else. An asset's text is
 * imported on the first request for one (`static-assets.ts`).
 */
export function handleStatic(
  request: Request,
  name: string,
  rest: readonly string[],
): Response | Promise<Response | undefined> | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  if (name === 'healthz' && rest.length === 0) return jsonResponse({ status: 'ok' });
  if (name === 'static' && rest.length === 1 && Object.hasOwn(ASSET_VERSIONS, rest[0])) {
    return import('./lazy-routes.js').then((routes) => routes.handleAsset(request, rest[0]));
  }
  if (name === 'favicon.ico' && rest.length === 0) {
    return plainResponse(FAVICON_ICO, {
      headers: { 'content-type': 'image/x-icon', 'cache-control': 'public, max-age=86400' },
    });
  }
  return undefined;
}
