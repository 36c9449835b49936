/**
 * @module Every URL the wiki links or redirects to on its own site, built here and nowhere else. Each is a
 * path-absolute URL whose parts are percent-encoded, so no page name, search text or return address can
 * make a link leave the site (`//host` and `/\host` are other hosts to a browser), change which page it
 * names (`?`, `#`, `%`) or break out of an attribute.
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

/**
 * The URL of a site page under `/-/`, with a form-encoded query.
 *
 * @example
 * ```ts
 * siteHref('search', { q: '//host' }); // '/-/search?q=%2F%2Fhost'
 * ```
 */
export function siteHref(name: string, query: Readonly<Record<string, string>> = {}): string {
  // URLSearchParams form-encodes every byte but `*-._` and alphanumerics, and replaces lone surrogates.
  const search = new URLSearchParams(query).toString();
  return `/-/${encodeSegment(name)}${search ? `?${search}` : ''}`;
}

/** The sign-in URL that comes back to `returnTo` (a local path). */
export function loginHref(returnTo: string): string {
  return siteHref('login', { return_to: returnTo });
}

/**
 * An absolute URL on the wiki's public origin (from `@wikibot/auth-config`, which refuses an origin with a
 * path) for a path-absolute `href` built above: for links that leave the page, such as `sitemap.xml`'s.
 *
 * @example
 * ```ts
 * absoluteHref('https://wiki.example.com', pageHref('A B')); // 'https://wiki.example.com/A%20B'
 * ```
 */
export function absoluteHref(origin: string, href: string): string {
  return new URL(href, origin).href;
}
