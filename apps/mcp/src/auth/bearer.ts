/**
 * @module Turns a request's `Authorization` header into a {@link Principal}, or into the ready answer:
 * 401 with an RFC 6750 challenge pointing at the protected-resource metadata (how MCP clients discover
 * OAuth), 403 for a user outside the access policy, 503 when the issuer or directory is unreachable.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1
 */
import { refusalMessage, type WikibotConfig } from '@wikibot/auth-config';
import { apiKeyMatches, IdentityError, InvalidTokenError, type AccessResolver, type TokenVerifier } from '@wikibot/identity';
import { jsonError } from '../http/responses.js';

/** Who is calling and what they may do. */
export interface Principal {
  readonly kind: 'user' | 'api-key';
  /** WorkOS user id, or `api-key`. */
  readonly sub: string;
  /** A verified email (from the token or the directory). */
  readonly email?: string;
  readonly name?: string;
  /** The OAuth client the token was issued to. */
  readonly clientId?: string;
  readonly scopes: readonly string[];
  readonly access: 'read' | 'write';
  readonly expiresAt?: number;
}

/** Options of {@link createBearerAuth}. */
export interface BearerAuthOptions {
  readonly config: Pick<WikibotConfig, 'protectedResourceMetadataUrl' | 'policy'>;
  readonly verifier: TokenVerifier;
  readonly access: AccessResolver;
  /** The static API key (`MCP_API_KEY`), read on first use; absent → API keys are refused. */
  readonly apiKey?: () => Promise<string>;
  /** Scopes every token must carry (default none: AuthKit's scopes say nothing about the wiki). */
  readonly requiredScopes?: readonly string[];
}

/** Either a principal, or the response to send and a safe reason to log. */
export type BearerOutcome = { readonly principal: Principal } | { readonly response: Response; readonly reason: string };

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const quoted = (value: string): string => value.replace(/["\\\r\n]/g, "'");

/**
 * Creates the authenticator, once per container.
 *
 * @example
 * ```ts
 * const outcome = await authenticate(request);
 * if ('response' in outcome) return outcome.response;
 * ```
 */
export function createBearerAuth(options: BearerAuthOptions): (request: Request) => Promise<BearerOutcome> {
  const { config, verifier, access } = options;
  const metadata = `resource_metadata="${config.protectedResourceMetadataUrl}"`;

  const challenge = (status: 400 | 401 | 403, error: string | undefined, description: string, extra = ''): BearerOutcome => {
    const header = error ? `Bearer ${metadata}, error="${error}", error_description="${quoted(description)}"${extra}` : `Bearer ${metadata}`;
    return {
      response: jsonError(status, error ?? 'unauthorized', description, { 'www-authenticate': header }),
      reason: description,
    };
  };

  return async (request) => {
    const query = new URL(request.url).searchParams;
    if (query.has('access_token') || query.has('api_key')) {
      return challenge(400, 'invalid_request', 'Send the token in the Authorization header; tokens in the URL are refused');
    }
    const header = request.headers.get('authorization') ?? '';
    const match = /^Bearer[ ]+(.*)$/i.exec(header.trim());
    if (!match) return challenge(401, undefined, 'Sign in: this MCP server needs an OAuth access token');
    const token = match[1].trim();
    try {
      if (!JWT_SHAPE.test(token)) {
        const key = options.apiKey ? await options.apiKey() : '';
        if (key && apiKeyMatches(token, key)) {
          return { principal: { kind: 'api-key', sub: 'api-key', name: 'MCP API key', scopes: [], access: 'write' } };
        }
        return challenge(401, 'invalid_token', 'The token is neither a valid access token nor the API key');
      }
      const verified = await verifier.verify(token);
      const missing = (options.requiredScopes ?? []).filter((s) => !verified.scopes.includes(s));
      if (missing.length > 0) {
        return challenge(403, 'insufficient_scope', `The token lacks scope ${missing.join(' ')}`, `, scope="${(options.requiredScopes ?? []).join(' ')}"`);
      }
      const subject = { sub: verified.sub, email: verified.email, emailVerified: verified.emailVerified };
      const email = await access.trustedEmail(subject);
      const level = await access.resolve(subject);
      if (level === 'none') {
        const message = refusalMessage(config.policy, email ?? verified.email, 'read');
        return { response: jsonError(403, 'access_denied', message), reason: 'outside the access policy' };
      }
      return {
        principal: {
          kind: 'user', sub: verified.sub, email, name: verified.name, clientId: verified.clientId,
          scopes: verified.scopes, access: level, expiresAt: verified.expiresAt,
        },
      };
    } catch (error) {
      if (error instanceof InvalidTokenError) return challenge(401, 'invalid_token', error.message);
      if (error instanceof IdentityError) {
        return {
          response: jsonError(503, 'temporarily_unavailable', 'Sign-in cannot be checked right now; try again shortly.', { 'retry-after': '5' }),
          reason: `${error.name}: ${error.message}`,
        };
      }
      throw error;
    }
  };
}
