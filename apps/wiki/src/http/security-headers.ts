/**
 * @module Headers every response carries, whatever produced it (page, JSON, redirect, error, CSS).
 * The CSP allows scripts and styles only from our own static files (never inline), requests from scripts only
 * to us, and forms posting only to us —
 * and, when people sign in, to the sign-in service: the sign-out form's answer redirects there to end
 * its session too, and browsers hold a form's redirects to `form-action` as well.
 */

/**
 * The Content-Security-Policy of every response; `formTargets` are origins besides our own that a form
 * submission may end up at (the AuthKit issuer's).
 *
 * @example
 * ```ts
 * contentSecurityPolicy(['https://example.authkit.app']); // "...; form-action 'self' https://example.authkit.app; ..."
 * ```
 */
export function contentSecurityPolicy(formTargets: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' https:",
    ["form-action 'self'", ...formTargets].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The Content-Security-Policy of a wiki where nobody signs in. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

const HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/**
 * Returns the response with the security headers set (HSTS too when the wiki is served over https).
 * Responses from `fetch` have immutable headers, so a copy is made when needed.
 */
export function withSecurityHeaders(response: Response, options: { https: boolean; csp?: string }): Response {
  const headers = { ...HEADERS, 'content-security-policy': options.csp ?? CONTENT_SECURITY_POLICY };
  let out = response;
  try {
    for (const [name, value] of Object.entries(headers)) out.headers.set(name, value);
  } catch {
    out = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) out.headers.set(name, value);
  }
  if (options.https) out.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  if (!out.headers.has('cache-control')) out.headers.set('cache-control', 'no-store');
  return out;
}
