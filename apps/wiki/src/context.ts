/**
 * @module What every handler gets: the app's dependencies, the request, and who is asking (session,
 * access level under the policy, and the {@link Viewer} the page frame shows). Also the two gates,
 * read and write, applied the same way on every HTML route.
 */
import { refusalMessage, type AccessLevel, type WikibotConfig } from '@wikibot/auth-config';
import type { AccessResolver } from '@wikibot/identity';
import type { Author, WikiApi } from '@wikibot/wiki-core';
import type { OidcClient } from './auth/oidc.js';
import type { Session, SessionCookies } from './auth/session.js';
import type { BearerAuth } from './api/bearer.js';
import { HttpError } from './http/http-error.js';
import { redirect } from './http/responses.js';
import { loginHref } from './views/urls.js';
import type { Viewer } from './views/layout.js';

/** The app's collaborators, created once per container. */
export interface AppDeps {
  readonly config: WikibotConfig;
  readonly wiki: WikiApi;
  readonly access: AccessResolver;
  /** Session cookies; undefined when no SESSION_SECRET is configured (then nobody can sign in). */
  readonly cookies: () => Promise<SessionCookies | undefined>;
  /** The OIDC client, built on first use; undefined when AUTHKIT_CLIENT_ID is not set. */
  readonly oidc?: () => Promise<OidcClient>;
  /** The REST API's authenticator, built on first use. */
  readonly bearer: () => Promise<BearerAuth>;
  readonly log: (line: Record<string, unknown>) => void;
}

/** One request, as handlers see it. */
export interface RequestContext {
  readonly deps: AppDeps;
  readonly request: Request;
  readonly url: URL;
  readonly requestId: string;
  readonly session?: Session;
  /** The signed-in user's access; 'none' when nobody is signed in. */
  readonly level: AccessLevel;
  readonly viewer: Viewer;
}

/** Reads the session (if any) and resolves the user's access. */
export async function buildContext(
  deps: AppDeps,
  request: Request,
  url: URL,
  requestId: string,
): Promise<RequestContext> {
  // Without a Cookie header there is no session to read: the secret and the cookie code stay unloaded.
  const cookies = request.headers.has('cookie') ? await deps.cookies() : undefined;
  const session = cookies ? await cookies.readSession(request) : undefined;
  const level: AccessLevel = session ? await deps.access.resolve(session) : 'none';
  const viewer: Viewer = {
    user: session ? { name: session.name, email: session.email } : undefined,
    canEdit: level === 'write',
    csrfToken: session?.csrf,
    signInAvailable: Boolean(deps.config.secrets.sessionSecret && deps.oidc),
  };
  return { deps, request, url, requestId, session, level, viewer };
}

function loginRedirect(ctx: RequestContext, returnTo: string): Response {
  if (!ctx.viewer.signInAvailable) {
    throw new HttpError(
      401,
      'sign_in_unavailable',
      'Signing in is not configured for this wiki, so it cannot be changed here.',
    );
  }
  return redirect(loginHref(returnTo));
}

/** The local path and query of this request, to come back to after signing in. */
export function hereFor(ctx: RequestContext): string {
  return `${ctx.url.pathname}${ctx.url.search}`;
}

/** Lets readers through; otherwise a sign-in redirect (anonymous) or a 403 naming whom to ask. */
export function requireRead(ctx: RequestContext): Response | undefined {
  if (ctx.deps.config.wikiReadAccess === 'public') return undefined;
  if (!ctx.session) return loginRedirect(ctx, hereFor(ctx));
  if (ctx.level === 'none')
    throw new HttpError(403, 'forbidden', refusalMessage(ctx.deps.config.policy, ctx.session.email, 'read'));
  return undefined;
}

/** Lets writers through; otherwise a sign-in redirect (anonymous GET) or a 403 naming whom to ask. */
export function requireWrite(ctx: RequestContext, returnTo = hereFor(ctx)): Response | undefined {
  if (!ctx.session) {
    if (ctx.request.method === 'GET' || ctx.request.method === 'HEAD') return loginRedirect(ctx, returnTo);
    throw new HttpError(403, 'csrf', 'You are not signed in (or your session expired). Sign in and try again.');
  }
  if (ctx.level !== 'write')
    throw new HttpError(403, 'forbidden', refusalMessage(ctx.deps.config.policy, ctx.session.email, 'write'));
  return undefined;
}

/** The git author of a change made by the signed-in user: the one author rule of `@wikibot/identity`. */
export async function sessionAuthor(session: Session, origin: string): Promise<Author> {
  const { gitAuthor } = await import('@wikibot/identity');
  const email = session.emailVerified !== false ? session.email : undefined;
  return gitAuthor({ sub: session.sub, name: session.name, email }, new URL(origin).hostname);
}
