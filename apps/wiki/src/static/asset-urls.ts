/**
 * @module The URLs pages link the static assets with: `/-/static/<file>?v=<fingerprint>` (see `asset-versions.ts`).
 * Apart from the assets' texts, which only `routes/static-assets.ts` needs: a page view's code linking them does not
 * carry ~20 KB of stylesheet and scripts, which V8 scanned at every cold start (~2 M instructions, cachegrind).
 */
import { ASSET_VERSIONS } from './asset-versions.js';

const url = (file: keyof typeof ASSET_VERSIONS): string => `/-/static/${file}?v=${ASSET_VERSIONS[file]}`;

/** The stylesheet, linked by every page. */
export const WIKI_CSS_URL = url('wiki.css');
/** The theme toggle, loaded by every page. */
export const THEME_JS_URL = url('theme.js');
/** The sidebar's page tree, loaded by pages with a sidebar. */
export const NAV_JS_URL = url('nav.js');
/** The editor's script, loaded by the edit page. */
export const EDITOR_JS_URL = url('editor.js');
/** The upload check, loaded by the attachments page. */
export const UPLOAD_CHECK_JS_URL = url('upload-check.js');
