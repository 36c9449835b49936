/**
 * @module Every URL the wiki links or redirects to on its own site, built here and nowhere else (pages' own URLs
 * come from `@wikibot/wiki-render`, whose renderer links WikiLinks with them). Each is a path-absolute URL whose parts
 * are percent-encoded, so no page name, search text or return address can make a link leave the site (`//host` and
 * `/\host` are other hosts to a browser), change which page it names (`?`, `#`, `%`) or break out of an attribute.
 */
import { encodeSegment, pageHref } from '@wikibot/wiki-render/kept';

export { encodeSegment, pageHref };

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
