/**
 * @module The one bearer authenticator of `/mcp` and `/api/v1`: `Authorization: Bearer <credential>` is
 * either the static API key (compared in constant time) or an AuthKit access token for this resource (verified
 * fully), then the access policy. The outcome is a {@link Principal} or a {@link BearerFailure}; each app turns a
 * failure into its own HTTP answer (MCP's RFC 6750 challenge, the REST API's JSON 401). An unreachable issuer or
 * directory throws an `IdentityError`.
 */
import type { AccessLevel } from '@wikibot/auth-config';
import type { AccessResolver } from './access.js';
import { apiKeyMatches } from './api-key.js';
import { InvalidTokenError } from './errors.js';
import type { TokenVerifier } from './token-verifier.js';

/** Who is calling and what they may do. */
export interface Principal {
  readonly kind: 'user' | 'api-key';
  /** WorkOS user id, or `api-key`. */
  readonly sub: string;
  /** A verified email (from the token or the directory), if known. */
  readonly email?: string;
  readonly name?: string;
  /** The OAuth client the token was issued to. */
  readonly clientId?: string;
  readonly scopes: readonly string[];
  /** From the access policy; `none` for a valid token of someone the policy does not admit. */
  readonly access: AccessLevel;
  readonly expiresAt?: number;
}

/** Why a request has no principal. */
export interface BearerFailure {
  /** `missing`: no Bearer credential; `in_query`: a token in the URL (refused); the others as in RFC 6750. */
  readonly reason: 'missing' | 'in_query' | 'invalid_token' | 'insufficient_scope';
  /** Safe to show and log (never contains the credential). */
  readonly message: string;
}

/** Options of {@link createBearerAuthenticator}. */
export interface BearerAuthenticatorOptions {
  readonly verifier: TokenVerifier;
  readonly access: AccessResolver;
  /** The static API key (`MCP_API_KEY`), read on use; absent → API keys are refused. */
  readonly apiKey?: () => Promise<string | undefined>;
  /** Scopes every token must carry (default none: AuthKit's scopes say nothing about the wiki). */
  readonly requiredScopes?: readonly string[];
}

/** The API key's principal: full write access, named in commits as the key. */
export const API_KEY_PRINCIPAL: Principal = {
  kind: 'api-key',
  sub: 'api-key',
  name: 'API key',
  scopes: [],
  access: 'write',
};

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Creates the authenticator, once per container.
 * @example
 * ```ts
 * const outcome = await authenticate(request);
 * if ('failure' in outcome) return challenge(outcome.failure);
 * ```
 */
export function createBearerAuthenticator(
  options: BearerAuthenticatorOptions,
): (request: Request) => Promise<{ readonly principal: Principal } | { readonly failure: BearerFailure }> {
  const fail = (reason: BearerFailure['reason'], message: string) => ({ failure: { reason, message } });
  return async (request) => {
    const query = new URL(request.url).searchParams;
    if (query.has('access_token') || query.has('api_key'))
      return fail('in_query', 'Send the token in the Authorization header; tokens in the URL are refused');
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec((request.headers.get('authorization') ?? '').trim());
    if (!match) return fail('missing', 'Send "Authorization: Bearer <access token or API key>"');
    const credential = match[1]!;
    if (!JWT_SHAPE.test(credential)) {
      const key = options.apiKey ? await options.apiKey() : undefined;
      if (key && (await apiKeyMatches(credential, key))) return { principal: API_KEY_PRINCIPAL };
      return fail('invalid_token', 'The credential is neither a valid access token nor the API key');
    }
    let verified;
    try {
      verified = await options.verifier.verify(credential);
    } catch (error) {
      if (error instanceof InvalidTokenError) return fail('invalid_token', error.message);
      throw error;
    }
    const missing = (options.requiredScopes ?? []).filter((s) => !verified.scopes.includes(s));
    if (missing.length > 0) return fail('insufficient_scope', `The token lacks scope ${missing.join(' ')}`);
    const subject = { sub: verified.sub, email: verified.email, emailVerified: verified.emailVerified };
    const [email, access] = await Promise.all([options.access.trustedEmail(subject), options.access.resolve(subject)]);
    return {
      principal: {
        kind: 'user',
        sub: verified.sub,
        email,
        name: verified.name,
        clientId: verified.clientId,
        scopes: verified.scopes,
        access,
        expiresAt: verified.expiresAt,
      },
    };
  };
}
