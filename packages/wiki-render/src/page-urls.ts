/**
 * @module The URLs of pages, Otterwiki's scheme: the wiki's views link pages with them and the renderer links
 * WikiLinks with them, so a render kept by one app (`render-cache.ts`) links as the other's pages do. Each is a
 * path-absolute URL whose segments are percent-encoded, so no page name can make a link leave the site (`//host`
 * and `/\\host` are other hosts to a browser), change which page it names (`?`, `#`, `%`) or break out of an attribute.
 */

/** Characters `encodeURIComponent` leaves alone but a link should not carry raw (quotes, parentheses). */
const EXTRA = /[!'()*]/g;
/** A UTF-16 surrogate without its pair: `encodeURIComponent` throws on one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Percent-encodes one path segment (UTF-8), including `!'()*`; lone surrogates become U+FFFD first.
 *
 * @example
 * ```ts
 * encodeSegment("it's a/b"); // 'it%27s%20a%2Fb'
 * ```
 */
export function encodeSegment(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\ufffd')).replace(
    EXTRA,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The URL of a page: `/` plus each segment of its (canonical) path percent-encoded, Otterwiki's scheme,
 * then `suffix` — a route suffix the caller builds from constants and encoded values (`/edit`,
 * `/revision/<sha>`, `/diff?from=…`, `#fragment`). Empty segments are dropped, so the result never starts
 * with `//`.
 *
 * @example
 * ```ts
 * pageHref('Foo/Bar Baz', '/history'); // '/Foo/Bar%20Baz/history'
 * pageHref('//host', '/edit');         // '/host/edit', never '///host/edit'
 * ```
 */
export function pageHref(path: string, suffix = ''): string {
  const segments = path.split('/').filter((segment) => segment !== '');
  return `/${segments.map(encodeSegment).join('/')}${suffix}`;
}
