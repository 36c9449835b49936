/**
 * @module `/mcp`'s answers from the one bearer authenticator (`@wikibot/identity`): a {@link Principal}, or
 * the ready answer — 401 with an RFC 6750 challenge pointing at the protected-resource metadata (how MCP
 * clients discover OAuth), 400 for a token in the URL, 403 for a missing scope or a user outside the access
 * policy, 503 when the issuer or directory is unreachable.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-5.1
 */
import { refusalMessage, type WikibotConfig } from '@wikibot/auth-config';
import {
  createBearerAuthenticator,
  IdentityError,
  type BearerAuthenticatorOptions,
  type Principal as AnyPrincipal,
} from '@wikibot/identity';
import { jsonError } from '../http/responses.js';

/** A caller admitted to `/mcp`: at least read access. */
export type Principal = AnyPrincipal & { readonly access: 'read' | 'write' };

/** Options of {@link createBearerAuth}. */
export interface BearerAuthOptions extends BearerAuthenticatorOptions {
  readonly config: Pick<WikibotConfig, 'protectedResourceMetadataUrl' | 'policy'>;
}

/** Either a principal, or the response to send and a safe reason to log. */
export type BearerOutcome =
  { readonly principal: Principal } | { readonly response: Response; readonly reason: string };

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
  const { config } = options;
  const authenticate = createBearerAuthenticator(options);
  const metadata = `resource_metadata="${config.protectedResourceMetadataUrl}"`;

  const challenge = (
    status: 400 | 401 | 403,
    error: string | undefined,
    description: string,
    extra = '',
  ): BearerOutcome => {
    const header = error
      ? `Bearer ${metadata}, error="${error}", error_description="${quoted(description)}"${extra}`
      : `Bearer ${metadata}`;
    return {
      response: jsonError(status, error ?? 'unauthorized', description, { 'www-authenticate': header }),
      reason: description,
    };
  };

  return async (request) => {
    try {
      const outcome = await authenticate(request);
      if ('failure' in outcome) {
        const { reason, message } = outcome.failure;
        if (reason === 'in_query') return challenge(400, 'invalid_request', message);
        if (reason === 'missing')
          return challenge(401, undefined, 'Sign in: this MCP server needs an OAuth access token');
        if (reason === 'insufficient_scope')
          return challenge(403, 'insufficient_scope', message, `, scope="${(options.requiredScopes ?? []).join(' ')}"`);
        return challenge(401, 'invalid_token', message);
      }
      const { principal } = outcome;
      if (principal.access === 'none') {
        const message = refusalMessage(config.policy, principal.email ?? principal.sub, 'read');
        return { response: jsonError(403, 'access_denied', message), reason: 'outside the access policy' };
      }
      return { principal: principal as Principal };
    } catch (error) {
      if (error instanceof IdentityError) {
        return {
          response: jsonError(
            503,
            'temporarily_unavailable',
            'Sign-in cannot be checked right now; try again shortly.',
            { 'retry-after': '5' },
          ),
          reason: `${error.name}: ${error.message}`,
        };
      }
      throw error;
    }
  };
}
