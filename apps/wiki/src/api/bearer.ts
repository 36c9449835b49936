/**
 * @module `/api/v1`'s answers from the one bearer authenticator (`@wikibot/identity`, the same as `/mcp`'s):
 * the MCP API key or an AuthKit access token for this resource, then the access policy, and the caller's git
 * author by the one author rule. An invalid credential is always a 401, even where reading is public, so a
 * broken client notices.
 */
import type { AccessLevel } from '@wikibot/auth-config';
import {
  createAuthorResolver,
  createBearerAuthenticator,
  type BearerAuthenticatorOptions,
  type UserDirectory,
} from '@wikibot/identity';
import type { Author } from '@wikibot/wiki-core';
import { HttpError } from '../http/http-error.js';

/** An authenticated API caller. */
export interface ApiPrincipal {
  readonly kind: 'api-key' | 'user';
  readonly level: AccessLevel;
  readonly author: Author;
  /** For refusal messages. */
  readonly email?: string;
}

/** Authenticates API requests; see {@link createBearerAuth}. */
export interface BearerAuth {
  /** The caller, or undefined when no Authorization header was sent. Throws a 401 HttpError for a bad one. */
  authenticate(request: Request): Promise<ApiPrincipal | undefined>;
}

/** Options of {@link createBearerAuth}. */
export interface BearerAuthOptions extends BearerAuthenticatorOptions {
  /** The public origin (names fallback author addresses). */
  readonly origin: string;
  /** The WorkOS directory, for names and emails a token lacks. */
  readonly directory?: UserDirectory;
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, 'unauthorized', message, { headers: { 'www-authenticate': 'Bearer realm="wikibot"' } });
}

/** Creates the authenticator once per container. */
export function createBearerAuth(options: BearerAuthOptions): BearerAuth {
  const authenticate = createBearerAuthenticator(options);
  const authorOf = createAuthorResolver({ directory: options.directory, origin: options.origin });
  return {
    async authenticate(request) {
      const outcome = await authenticate(request);
      if ('failure' in outcome) {
        const { reason, message } = outcome.failure;
        if (reason === 'missing' && !request.headers.has('authorization')) return undefined;
        if (reason === 'in_query') throw new HttpError(400, 'invalid_request', message);
        throw unauthorized(
          reason === 'missing'
            ? 'Send "Authorization: Bearer <API key or access token>".'
            : `The API key or token is not valid: ${message}`,
        );
      }
      const { principal } = outcome;
      return {
        kind: principal.kind,
        level: principal.access,
        email: principal.email,
        author: await authorOf(principal),
      };
    },
  };
}
