/**
 * @module Where a request to the stand-in comes from, as far as a browser tells. Auto-login
 * (`AUTH_DEV_AUTO_LOGIN`) signs in without a click, so it must not do so for a flow a foreign web page
 * started: such a page could register a client, authorize it and read the code off its own redirect URI,
 * then call the local MCP server as the developer. (A page on a rebound DNS name does not reach the
 * stand-in at all: standin.ts answers only to loopback `Host` names.)
 * @see https://www.w3.org/TR/fetch-metadata/ (Sec-Fetch-Site)
 */
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from '@wikibot/auth-config';

/** True for an http(s) URL on this machine's loopback names (`localhost`, `127.0.0.1`, `[::1]`, `*.localhost`). */
export function isLoopbackUrl(value: string | undefined): boolean {
  const url = value ? URL.parse(value) : null;
  return !!url && (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
}

/**
 * True when auto-login may finish this step without a click. Two conditions, each enough to stop the
 * attack on its own:
 * - the code goes to this machine: the authorization's `redirect_uri` is on a loopback name (a native
 *   app's private-use scheme gets the sign-in page, one click);
 * - no foreign page started the navigation: `Sec-Fetch-Site` is absent (a script or CLI, no browser),
 *   `none` (a browser a CLI opened, or a typed address) or `same-origin` (the stand-in's own pages);
 *   otherwise the `Referer` must be on a loopback name (the local wiki, MCP Inspector). A page that
 *   suppresses its Referer gets the sign-in page.
 */
export function mayAutoLogin(req: IncomingMessage, redirectUri: string | undefined): boolean {
  if (!isLoopbackUrl(redirectUri)) return false;
  const site = req.headers['sec-fetch-site'];
  if (site === undefined || site === 'none' || site === 'same-origin') return true;
  return isLoopbackUrl(req.headers.referer);
}
