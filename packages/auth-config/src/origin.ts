/**
 * @module The public origin and every URL derived from it. The MCP resource URL once came out as
 * `https://dev.wikibot.io/mcp/mcp` because a "base URL" carried a path; here an origin is scheme, host
 * and port only, and anything else is refused before a URL is derived from it.
 */
import { ConfigError } from './errors.js';

/** The path the MCP endpoint is served at, relative to the origin. */
export const MCP_PATH = '/mcp';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for hosts that may be served over plain http (a developer's own machine). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * True when a request's `Host` header names this machine's loopback server on `port` (`localhost:8787`,
 * `127.0.0.1:8787`, `[::1]:8787`). Local servers refuse any other name: a page on a foreign DNS name that
 * resolves to 127.0.0.1 (DNS rebinding) sends that name.
 *
 * @example
 * ```ts
 * isLoopbackAuthority('localhost:8787', 8787);    // true
 * isLoopbackAuthority('evil.example:8787', 8787); // false
 * ```
 */
export function isLoopbackAuthority(host: string | undefined, port: number): boolean {
  const url = URL.parse(`http://${host ?? ''}/`);
  return (
    !!url && !url.username && url.pathname === '/' && isLoopbackHost(url.hostname) && Number(url.port || 80) === port
  );
}

/**
 * Parses and checks a public origin: `https://host[:port]`, or `http://` for loopback hosts only.
 * A value with a path, query, fragment or credentials is refused with the value to set instead.
 *
 * @param value - the raw setting, e.g. from `PUBLIC_ORIGIN`
 * @param setting - the setting's name, used in the error message
 * @returns the canonical origin, without a trailing slash
 * @example
 * ```ts
 * resolvePublicOrigin('https://dev.wikibot.io/');   // 'https://dev.wikibot.io'
 * resolvePublicOrigin('https://dev.wikibot.io/mcp'); // throws: set PUBLIC_ORIGIN=https://dev.wikibot.io
 * ```
 */
export function resolvePublicOrigin(value: string | undefined, setting = 'PUBLIC_ORIGIN'): string {
  return parseOrigin(value, setting).origin;
}

/**
 * Parses an https URL that must be an origin (no path), allowing http only on loopback hosts.
 * Shared by the public origin and the AuthKit issuer so both refuse the same mistakes.
 */
export function parseOrigin(value: string | undefined, setting: string): URL {
  const raw = value?.trim();
  if (!raw) throw new ConfigError(setting, 'is required (an origin such as https://wiki.example.com)');
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new ConfigError(setting, `"${raw}" is not a URL; set an origin such as https://wiki.example.com`, { cause });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new ConfigError(setting, `"${raw}" must use https (http is allowed for localhost only)`);
  }
  const extras: string[] = [];
  if (url.pathname !== '/' || /^[A-Za-z]+:\/\/[^/]+\/\/+/.test(raw)) extras.push(`path "${url.pathname}"`);
  if (url.search || raw.includes('?')) extras.push('a query');
  if (url.hash || raw.includes('#')) extras.push('a fragment');
  if (url.username || url.password) extras.push('credentials');
  if (extras.length > 0) {
    throw new ConfigError(
      setting,
      `"${raw}" carries ${extras.join(' and ')}; an origin is scheme and host only. Set ${setting}=${url.origin}`,
    );
  }
  return url;
}

/**
 * The MCP server's resource URL (RFC 8707 / RFC 9728 `resource`): the origin plus {@link MCP_PATH}.
 *
 * @example
 * ```ts
 * resolveResourceUrl('https://dev.wikibot.io'); // 'https://dev.wikibot.io/mcp'
 * ```
 */
export function resolveResourceUrl(origin: string): string {
  return `${resolvePublicOrigin(origin)}${MCP_PATH}`;
}

/**
 * Where a resource's protected-resource metadata lives (RFC 9728 §3.1): the well-known segment is
 * inserted between the origin and the resource's path.
 *
 * @example
 * ```ts
 * protectedResourceMetadataUrl('https://dev.wikibot.io/mcp');
 * // 'https://dev.wikibot.io/.well-known/oauth-protected-resource/mcp'
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3.1
 */
export function protectedResourceMetadataUrl(resourceUrl: string): string {
  return wellKnownUrl(resourceUrl, 'oauth-protected-resource');
}

/**
 * Where an authorization server's metadata lives (RFC 8414 §3.1), for an issuer with or without a path.
 *
 * @example
 * ```ts
 * authorizationServerMetadataUrl('https://example.authkit.app');
 * // 'https://example.authkit.app/.well-known/oauth-authorization-server'
 * authorizationServerMetadataUrl('https://idp.example.com/tenant');
 * // 'https://idp.example.com/.well-known/oauth-authorization-server/tenant'
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.1
 */
export function authorizationServerMetadataUrl(issuer: string): string {
  return wellKnownUrl(issuer, 'oauth-authorization-server');
}

/**
 * Where an OpenID provider's configuration lives (OIDC Discovery §4: appended after the issuer's path).
 *
 * @example
 * ```ts
 * openIdConfigurationUrl('https://example.authkit.app'); // 'https://example.authkit.app/.well-known/openid-configuration'
 * ```
 */
export function openIdConfigurationUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

function wellKnownUrl(url: string, suffix: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/+$/, '');
  return `${parsed.origin}/.well-known/${suffix}${path}`;
}
