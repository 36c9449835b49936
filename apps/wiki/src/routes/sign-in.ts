/**
 * @module `/-/login`, `/-/auth/callback` and `/-/logout`: the browser side of OIDC sign-in and sign-out.
 */
import type { VerifiedToken } from '@wikibot/identity';
import { checkCsrfToken, checkOrigin } from '../auth/csrf.js';
import type { RequestContext } from '../context.js';
import { readForm } from '../http/body.js';
import { HttpError } from '../http/http-error.js';
import { redirect } from '../http/responses.js';

/** Resolves return addresses to check that they stay on this site; never a real host. */
const HERE = 'https://wiki.invalid';
/** Longest return address kept (it travels in the sign-in cookie). */
const RETURN_TO_MAX = 2000;

/**
 * A local path to return to after signing in: starts with one `/` (never `//` or `/\`, which browsers treat
 * as another host), percent-encoded as a browser would send it, so it is ASCII and fits a `Location` header
 * (a raw `日本` once made the callback fail after the code was spent). Anything else → `/Home`.
 *
 * @example
 * ```ts
 * safeReturnTo('/Straße?x=ü'); // '/Stra%C3%9Fe?x=%C3%BC'
 * safeReturnTo('//evil.example'); // '/Home'
 * ```
 */
export function safeReturnTo(value: string | null): string {
  // Control characters are refused outright: browsers drop some of them inside a URL, changing where it leads.
  if (
    !value ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\') ||
    /[\u0000-\u001f\\]/.test(value)
  ) {
    return '/Home';
  }
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return '/Home';
  }
  const local = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === HERE && local.length <= RETURN_TO_MAX ? local : '/Home';
}

function unavailable(): never {
  throw new HttpError(404, 'sign_in_unavailable', 'Signing in is not configured for this wiki.');
}

/** The name shown and used as git author: `name`, else given + family name, else the email, else the subject. */
function displayName(identity: VerifiedToken): string {
  const part = (claim: string) =>
    typeof identity.claims[claim] === 'string' ? (identity.claims[claim] as string).trim() : '';
  const full = [part('given_name') || part('first_name'), part('family_name') || part('last_name')]
    .filter(Boolean)
    .join(' ');
  return (identity.name ?? full) || identity.email || identity.sub;
}

async function login(ctx: RequestContext): Promise<Response> {
  const cookies = await ctx.deps.cookies();
  if (!cookies || !ctx.deps.oidc) unavailable();
  const oidc = await ctx.deps.oidc();
  const { url, attempt } = await oidc.begin(safeReturnTo(ctx.url.searchParams.get('return_to')));
  return redirect(url, 302, { 'set-cookie': await cookies.loginCookie(attempt) });
}

async function callback(ctx: RequestContext): Promise<Response> {
  const cookies = await ctx.deps.cookies();
  if (!cookies || !ctx.deps.oidc) unavailable();
  const oidc = await ctx.deps.oidc();
  const attempt = await cookies.readLogin(ctx.request);
  if (!attempt) {
    throw new HttpError(
      400,
      'sign_in_failed',
      'This sign-in expired or was started in another browser. Sign in again.',
    );
  }
  const identity = await oidc.complete(ctx.url.searchParams, attempt);
  const headers = new Headers();
  headers.append('set-cookie', cookies.clearLoginCookie());
  headers.append(
    'set-cookie',
    await cookies.sessionCookie({
      sub: identity.sub,
      name: displayName(identity),
      email: identity.email,
      emailVerified: identity.emailVerified,
    }),
  );
  ctx.deps.log({ level: 'info', msg: 'signed in', requestId: ctx.requestId, sub: identity.sub });
  // Checked again: a sign-in cookie sealed by an older version may hold an address never made safe.
  return redirect(safeReturnTo(attempt.returnTo), 303, headers);
}

/**
 * Signs out: revokes the session (every copy of its cookie, in every container), clears the cookie, and
 * sends the browser on to end the provider's session too where it supports RP-initiated logout. A
 * provider that cannot be reached does not keep anyone signed in here.
 */
async function logout(ctx: RequestContext): Promise<Response> {
  checkOrigin(ctx.request, ctx.deps.config.origin);
  const cookies = await ctx.deps.cookies();
  if (!cookies || !ctx.session) return redirect('/Home', 303);
  checkCsrfToken(await readForm(ctx.request), ctx.session);
  await cookies.endSession(ctx.session);
  ctx.deps.log({ level: 'info', msg: 'signed out', requestId: ctx.requestId, sub: ctx.session.sub });
  let next = '/Home';
  try {
    next = (await (await ctx.deps.oidc?.())?.endSessionUrl(`${ctx.deps.config.origin}/`)) ?? next;
  } catch (error) {
    ctx.deps.log({
      level: 'warn',
      msg: 'provider sign-out unavailable',
      requestId: ctx.requestId,
      error: String(error),
    });
  }
  return redirect(next, 303, { 'set-cookie': cookies.clearSessionCookie() });
}

/** Handles the sign-in routes; undefined for anything else. */
export async function handleSignIn(
  ctx: RequestContext,
  name: string,
  rest: readonly string[],
): Promise<Response | undefined> {
  const method = ctx.request.method;
  if (name === 'login' && rest.length === 0 && method === 'GET') return login(ctx);
  if (name === 'auth' && rest.length === 1 && rest[0] === 'callback' && method === 'GET') return callback(ctx);
  if (name === 'logout' && rest.length === 0 && method === 'POST') return logout(ctx);
  return undefined;
}
