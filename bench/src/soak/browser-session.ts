/**
 * @module A signed-in browser for the soak, without a browser: fetch with a cookie jar per origin, redirects
 * followed by hand (the wiki and the stand-in AuthKit are different origins), and the `Origin` header a browser
 * adds to form posts. Signs in through the stand-in's auto-login (the local system's dev mode).
 */

/** Cookies by origin, and requests that carry them. */
export class BrowserSession {
  private readonly jars = new Map<string, Map<string, string>>();

  constructor(readonly origin: string) {}

  /** One request, no redirect followed; cookies sent and stored for the target's origin. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, this.origin);
    const jar = this.jars.get(target.origin) ?? new Map<string, string>();
    this.jars.set(target.origin, jar);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    if (init.method === 'POST') headers.set('origin', target.origin);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/Max-Age=0/i.test(cookie) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` (at most 10) and returns the last answer. */
  async follow(url: string | URL): Promise<Response> {
    let response = await this.fetch(url);
    for (let hops = 0; hops < 10 && response.status >= 300 && response.status < 400; hops++) {
      await response.arrayBuffer();
      response = await this.fetch(new URL(response.headers.get('location')!, response.url || url));
    }
    return response;
  }

  /** Signs in through `/-/login` (the stand-in signs the configured user in without a form). */
  async signIn(): Promise<void> {
    const answer = await this.follow(new URL('/-/login?return_to=/Home', this.origin));
    await answer.arrayBuffer();
    if (!(this.jars.get(this.origin)?.size ?? 0))
      throw new Error(`sign-in set no cookie (last answer ${answer.status})`);
  }

  /** Saves `content` as a new page through the edit form (CSRF token read from the form, as a browser does). */
  async createPage(path: string, content: string): Promise<Response> {
    const href = `/${path.split('/').map(encodeURIComponent).join('/')}`;
    const form = await (await this.fetch(`${href}/edit`)).text();
    const csrf = /name="csrf" value="([^"]*)"/.exec(form)?.[1];
    if (!csrf) throw new Error(`no CSRF token in the edit form of ${path}`);
    const body = new URLSearchParams({ csrf, base: '', content, message: 'hostile soak' });
    return this.fetch(`${href}/save`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  }
}
