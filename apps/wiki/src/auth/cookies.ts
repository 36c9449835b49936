/**
 * @module Reading and writing the wiki's cookies. Over https they use the `__Host-` prefix (Secure,
 * Path=/, no Domain: a sibling subdomain cannot plant or overwrite them); `Secure` is dropped only for a
 * wiki served from http://localhost, where browsers would refuse it.
 */

/** Cookie names and attributes for one deployment. */
export interface CookieJarOptions {
  /** True when the public origin is https. */
  readonly secure: boolean;
}

/** Parses a Cookie header into name → value (first occurrence wins). */
export function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/** The real cookie name: `__Host-<name>` over https, `<name>` on http://localhost. */
export function cookieName(name: string, options: CookieJarOptions): string {
  return options.secure ? `__Host-${name}` : name;
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, Secure over https. `maxAge` 0 deletes it. */
export function serializeCookie(name: string, value: string, maxAgeSec: number, options: CookieJarOptions): string {
  const parts = [
    `${cookieName(name, options)}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSec))}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
