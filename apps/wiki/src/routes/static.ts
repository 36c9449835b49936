/**
 * @module `/-/healthz`, `/-/static/wiki.css`, the scripts under `/-/static/` and `/favicon.ico`: answered
 * before any session is read or any other route module is loaded.
 */
import { plainResponse } from '@wikibot/lambda-http';
import { jsonResponse } from '../http/responses.js';
import { FAVICON_ICO } from '../static/favicon.js';
import { EDITOR_JS, EDITOR_JS_VERSION } from '../static/editor-js.js';
import { NAV_JS, NAV_JS_VERSION } from '../static/nav-js.js';
import { THEME_JS, THEME_JS_VERSION } from '../static/theme-js.js';
import { UPLOAD_CHECK_JS, UPLOAD_CHECK_JS_VERSION } from '../static/upload-check-js.js';
import { WIKI_CSS, WIKI_CSS_VERSION } from '../static/wiki-css.js';

/** A fingerprinted asset: pages link it with `?v=<version>`, so it is cached for a year. */
function asset(request: Request, text: string, version: string, type: string): Response {
  const etag = `"${version}"`;
  const headers = {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'public, max-age=31536000, immutable',
    etag,
  };
  if (request.headers.get('if-none-match') === etag) return plainResponse(null, { status: 304, headers });
  return plainResponse(text, { headers });
}

/**
 * Health, the stylesheet and the scripts: answered before any session is read, so load balancers and cached
 * assets never cost a cookie decryption or a directory lookup. Undefined for anything else.
 */
export function handleStatic(request: Request, name: string, rest: readonly string[]): Response | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  if (name === 'healthz' && rest.length === 0) return jsonResponse({ status: 'ok' });
  if (name === 'static' && rest.length === 1 && rest[0] === 'wiki.css')
    return asset(request, WIKI_CSS, WIKI_CSS_VERSION, 'text/css');
  if (name === 'static' && rest.length === 1 && rest[0] === 'editor.js')
    return asset(request, EDITOR_JS, EDITOR_JS_VERSION, 'text/javascript');
  if (name === 'static' && rest.length === 1 && rest[0] === 'theme.js')
    return asset(request, THEME_JS, THEME_JS_VERSION, 'text/javascript');
  if (name === 'static' && rest.length === 1 && rest[0] === 'upload-check.js')
    return asset(request, UPLOAD_CHECK_JS, UPLOAD_CHECK_JS_VERSION, 'text/javascript');
  if (name === 'static' && rest.length === 1 && rest[0] === 'nav.js')
    return asset(request, NAV_JS, NAV_JS_VERSION, 'text/javascript');
  if (name === 'favicon.ico' && rest.length === 0) {
    return plainResponse(FAVICON_ICO, {
      headers: { 'content-type': 'image/x-icon', 'cache-control': 'public, max-age=86400' },
    });
  }
  return undefined;
}
