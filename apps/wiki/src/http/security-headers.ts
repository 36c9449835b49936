/**
 * @module Headers every response carries, whatever produced it (page, JSON, redirect, error, CSS).
 * The CSP allows no script at all, styles only from our own stylesheet, and forms posting only to us.
 */

/** The Content-Security-Policy of every response. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' https:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
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
export function withSecurityHeaders(response: Response, options: { https: boolean }): Response {
  let out = response;
  try {
    for (const [name, value] of Object.entries(HEADERS)) out.headers.set(name, value);
  } catch {
    out = new Response(response.body, response);
    for (const [name, value] of Object.entries(HEADERS)) out.headers.set(name, value);
  }
  if (options.https) out.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  if (!out.headers.has('cache-control')) out.headers.set('cache-control', 'no-store');
  return out;
}
