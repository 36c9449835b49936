/**
 * @module What every `/api/v1/` handler shares: the request, its caller's authorization, and commit messages
 * as otterwiki-api writes them (the caller's text as is, else `[api] <Action>: <what>`).
 */
import { refusalMessage } from '@wikibot/auth-config';
import type { AppDeps } from '../context.js';
import { HttpError } from '../http/http-error.js';
import type { ApiPrincipal } from './bearer.js';

/** One API request. */
export interface ApiRequest {
  readonly deps: AppDeps;
  readonly request: Request;
  readonly url: URL;
}

/** The caller, if allowed `wanted` access (reads may be public). @throws HttpError 401/403 */
export async function authorize(req: ApiRequest, wanted: 'read' | 'write'): Promise<ApiPrincipal | undefined> {
  const principal = await (await req.deps.bearer()).authenticate(req.request);
  if (wanted === 'read' && req.deps.config.wikiReadAccess === 'public' && (!principal || principal.level !== 'none'))
    return principal;
  if (!principal) {
    throw new HttpError(401, 'unauthorized', 'Send "Authorization: Bearer <API key or access token>".', {
      headers: { 'www-authenticate': 'Bearer realm="wikibot"' },
    });
  }
  const allowed = wanted === 'read' ? principal.level !== 'none' : principal.level === 'write';
  if (!allowed) throw new HttpError(403, 'forbidden', refusalMessage(req.deps.config.policy, principal.email, wanted));
  return principal;
}

/** The commit message: the caller's `commit_message` as given, else otterwiki-api's `[api] <action>: <subject>`. */
export function commitMessage(body: Record<string, unknown>, action: string, subject: string): string {
  const m = body.commit_message;
  if (m !== undefined && m !== null && typeof m !== 'string')
    throw new HttpError(422, 'invalid_body', '"commit_message" must be a string.');
  return (typeof m === 'string' && m.trim().slice(0, 2000)) || `[api] ${action}: ${subject}`;
}

/** A body that may be absent (DELETE): `{}` when there is none. */
export async function optionalJsonBody(request: Request): Promise<Record<string, unknown>> {
  const hasBody = Number(request.headers.get('content-length') ?? '0') > 0 || request.headers.has('content-type');
  return hasBody ? (await import('../http/body.js')).readJsonObject(request) : {};
}

/** 405 naming the allowed methods. */
export function methodNotAllowed(allow: string): HttpError {
  return new HttpError(405, 'method_not_allowed', `Use ${allow} for this endpoint.`, { headers: { allow } });
}
