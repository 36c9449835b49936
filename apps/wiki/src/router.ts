/**
 * @module Otterwiki's URL scheme → a route. Page URLs are `/<Page>` plus an action suffix (`/edit`,
 * `/save`, `/history`, `/diff`, `/blame`, `/attachments`, `/rename`, `/delete`, `/source`, `/revision/<sha>`,
 * `/revert/<sha>`, `/attachment/<filename>`), attachments at `/<Page>/a/<filename>`; site pages live under `/-/`; the
 * REST API under `/api/v1/`. Paths are percent-decoded segment by segment; an undecodable one is a 400.
 */
import { PAGE_ACTION_SEGMENTS } from '@wikibot/wiki-core';
import { HttpError } from './http/http-error.js';

/** Actions on a page. */
export type PageAction =
  | 'view'
  | 'edit'
  | 'save'
  | 'history'
  | 'diff'
  | 'blame'
  | 'attachments'
  | 'attachment'
  | 'rename'
  | 'delete'
  | 'source'
  | 'revision'
  | 'revert';

/** What a request asks for. */
export type Route =
  | { readonly kind: 'home' }
  | { readonly kind: 'reserved' }
  | { readonly kind: 'api'; readonly segments: readonly string[] }
  | { readonly kind: 'site'; readonly name: string; readonly rest: readonly string[] }
  | {
      readonly kind: 'page';
      readonly path: string;
      readonly action: PageAction;
      readonly revision?: string;
      /** The attachment `/<Page>/attachment/<filename>` (its delete confirmation) names. */
      readonly filename?: string;
    }
  | { readonly kind: 'attachment'; readonly path: string; readonly filename: string };

/** Last segments naming an action on the page before them: wiki-core's list, the one it refuses page names by. */
const ACTIONS: ReadonlySet<string> = new Set(PAGE_ACTION_SEGMENTS);
/**
 * `/.well-known` (or `/%2e…`) in any case, its letters spelt in both cases rather than matched with the `i` flag:
 * compiling a case-insensitive pattern sets up ICU's case-closure data, ~1 M instructions of a cold page view.
 */
const WELL_KNOWN = /^\/(\.|%2[Ee])[Ww][Ee][Ll][Ll]-[Kk][Nn][Oo][Ww][Nn](\/|$)/;

/** Second-to-last segments naming an action whose argument (a revision) follows. */
const REVISION_ACTIONS = new Set<PageAction>(['revision', 'revert']);

function decodeSegments(pathname: string): string[] {
  try {
    return pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    throw new HttpError(400, 'invalid_path', 'The address is not validly percent-encoded.');
  }
}

/**
 * Maps a URL path to a route.
 *
 * @example
 * ```ts
 * route('/Foo/Bar%20Baz/history'); // { kind: 'page', path: 'Foo/Bar Baz', action: 'history' }
 * route('/-/search/otters');       // { kind: 'site', name: 'search', rest: ['otters'] }
 * ```
 */
export function route(pathname: string): Route {
  // Defense in depth: these belong to other routes at the gateway; if one ever reaches the wiki it must not
  // come back as a page (a wiki page called ".well-known" would otherwise answer OAuth discovery).
  // `/mcp` is matched case-sensitively, as the gateway does, so a page called "MCP" stays reachable at `/MCP`.
  if (pathname === '/mcp' || pathname.startsWith('/mcp/')) return { kind: 'reserved' };
  if (WELL_KNOWN.test(pathname)) return { kind: 'reserved' };
  const segments = decodeSegments(pathname);
  if (segments[0]?.toLowerCase() === '.well-known') return { kind: 'reserved' };
  if (segments.length === 0) return { kind: 'home' };
  // Browsers ask for it on their own; served as a site resource so it never reads as a missing page.
  if (pathname === '/favicon.ico') return { kind: 'site', name: 'favicon.ico', rest: [] };
  // Crawlers look for it at the root, as An Otter Wiki serves it.
  if (pathname === '/sitemap.xml') return { kind: 'site', name: 'sitemap.xml', rest: [] };
  if (segments[0] === 'api' && segments[1] === 'v1') return { kind: 'api', segments: segments.slice(2) };
  if (segments[0] === '-') return { kind: 'site', name: segments[1] ?? '', rest: segments.slice(2) };
  const n = segments.length;
  const argumentAction = segments[n - 2] as PageAction;
  if (n >= 3 && REVISION_ACTIONS.has(argumentAction)) {
    return { kind: 'page', path: segments.slice(0, -2).join('/'), action: argumentAction, revision: segments[n - 1] };
  }
  // An Otter Wiki manages one attachment at /<Page>/attachment/<filename>.
  if (n >= 3 && segments[n - 2] === 'attachment')
    return { kind: 'page', path: segments.slice(0, -2).join('/'), action: 'attachment', filename: segments[n - 1]! };
  // An Otter Wiki serves a page's attachments at /<Page>/a/<filename>.
  if (n >= 3 && segments[n - 2] === 'a')
    return { kind: 'attachment', path: segments.slice(0, -2).join('/'), filename: segments[n - 1]! };
  const last = segments[n - 1] as PageAction;
  if (n >= 2 && ACTIONS.has(last)) return { kind: 'page', path: segments.slice(0, -1).join('/'), action: last };
  return { kind: 'page', path: segments.join('/'), action: 'view' };
}
