/**
 * @module Drives the stand-in's sign-in and consent forms with fetch, the way a person in a browser
 * would: follows redirects with a cookie jar, fills in the forms, and stops at the first redirect that
 * leaves the stand-in (the client's `redirect_uri`). For tests and scripts that have no browser.
 */

/** Options of {@link authorizeWithForms}. */
export interface AuthorizeWithFormsOptions {
  /** Email typed into the sign-in form. Default `dev@example.com`. */
  email?: string;
  /** Name typed into the sign-in form. */
  name?: string;
  /** Press Allow (default) or Deny on the consent page. */
  consent?: 'allow' | 'deny';
}

const MAX_STEPS = 20;

function formAction(html: string, suffix: string): string | undefined {
  for (const match of html.matchAll(/<form[^>]*action="([^"]+)"/g)) {
    const action = match[1].replace(/&amp;/g, '&');
    if (action.endsWith(suffix)) return action;
  }
  return undefined;
}

/**
 * Follows an authorization request through sign-in and consent and returns the URL the stand-in finally
 * redirects to (the client's `redirect_uri` with `code` and `state`, or with `error`).
 *
 * @example
 * ```ts
 * const callback = await authorizeWithForms(authorizationUrl, { email: 'ada@example.com', name: 'Ada' });
 * callback.searchParams.get('code');
 * ```
 */
export async function authorizeWithForms(
  authorizationUrl: string | URL,
  options: AuthorizeWithFormsOptions = {},
): Promise<URL> {
  const start = new URL(authorizationUrl);
  const jar = new Map<string, string>();
  let url = start;
  let init: RequestInit = { method: 'GET' };
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(cookie) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      if (url.origin !== start.origin) return url;
      init = { method: 'GET' };
      continue;
    }
    const html = await response.text();
    if (response.status !== 200)
      throw new Error(`authorization stopped at ${url.pathname} with ${response.status}: ${html.slice(0, 300)}`);
    const login = formAction(html, '/login');
    const confirm = formAction(html, '/confirm');
    const abort = formAction(html, '/abort');
    let body: URLSearchParams;
    if (login) {
      url = new URL(login, url);
      body = new URLSearchParams({ email: options.email ?? 'dev@example.com', name: options.name ?? '' });
    } else if (confirm && abort) {
      url = new URL(options.consent === 'deny' ? abort : confirm, url);
      body = new URLSearchParams({ decision: options.consent ?? 'allow' });
    } else {
      throw new Error(`authorization stopped at ${url.pathname}: no sign-in or consent form`);
    }
    init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body };
  }
  throw new Error(`authorization did not finish within ${MAX_STEPS} steps`);
}
