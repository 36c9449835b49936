/**
 * @module The stylesheet and the scripts under `/-/static/`, imported (through `lazy-routes.ts`) on the first request
 * for one: their texts are ~20 KB that a cold page view, which only links them (`static/asset-urls.ts`), never sends.
 */
import { plainResponse } from '@wikibot/lambda-http';
import { EDITOR_JS, EDITOR_JS_VERSION } from '../static/editor-js.js';
import { NAV_JS, NAV_JS_VERSION } from '../static/nav-js.js';
import { THEME_JS, THEME_JS_VERSION } from '../static/theme-js.js';
import { UPLOAD_CHECK_JS, UPLOAD_CHECK_JS_VERSION } from '../static/upload-check-js.js';
import { WIKI_CSS, WIKI_CSS_VERSION } from '../static/wiki-css.js';

/** Each asset's file name: its text, fingerprint and type. */
const ASSETS: Readonly<Record<string, readonly [text: string, version: string, type: string]>> = {
  'wiki.css': [WIKI_CSS, WIKI_CSS_VERSION, 'text/css'],
  'editor.js': [EDITOR_JS, EDITOR_JS_VERSION, 'text/javascript'],
  'theme.js': [THEME_JS, THEME_JS_VERSION, 'text/javascript'],
  'upload-check.js': [UPLOAD_CHECK_JS, UPLOAD_CHECK_JS_VERSION, 'text/javascript'],
  'nav.js': [NAV_JS, NAV_JS_VERSION, 'text/javascript'],
};

/**
 * A fingerprinted asset: pages link it with `?v=<version>`, so it is cached for a year. Undefined for a file that is
 * not one of them.
 */
export function handleAsset(request: Request, file: string): Response | undefined {
  if (!Object.hasOwn(ASSETS, file)) return undefined;
  const [text, version, type] = ASSETS[file];
  const etag = `"${version}"`;
  const headers = {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'public, max-age=31536000, immutable',
    etag,
  };
  if (request.headers.get('if-none-match') === etag) return plainResponse(null, { status: 304, headers });
  return plainResponse(text, { headers });
}
