/**
 * @module Who is calling the REST API: `Authorization: Bearer <key>` with the MCP API key (compared in
 * constant time) or an AuthKit access token for this resource, then the access policy. An invalid
 * credential is always a 401, even where reading is public, so a broken client notices.
 */
import type { AccessLevel } from '@wikibot/auth-config';
import { apiKeyMatches, type AccessResolver, type TokenVerifier } from '@wikibot/identity';
import type { Author } from '@wikibot/wiki-core';
import { HttpError } from '../http/http-error.js';

/** An authenticated API caller. */
export interface ApiPrincipal {
  readonly kind: 'api-key' | 'token';
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
export interface BearerAuthOptions {
  /** The API key, when one is configured. */
  readonly apiKey?: () => Promise<string | undefined>;
  /** Verifies AuthKit access tokens (audience = the resource URL). */
  readonly accessTokens: TokenVerifier;
  readonly access: AccessResolver;
}

const API_KEY_AUTHOR: Author = { name: 'wikibot API', email: 'api@wikibot.invalid' };

function unauthorized(message: string): HttpError {
  return new HttpError(401, 'unauthorized', message, { headers: { 'www-authenticate': 'Bearer realm="wikibot"' } });
}

/** Creates the authenticator once per container. */
export function createBearerAuth(options: BearerAuthOptions): BearerAuth {
  return {
    async authenticate(request) {
      const header = request.headers.get('authorization');
      if (header === null) return undefined;
      const match = /^Bearer[ ]+([\x21-\x7e]+)\s*$/i.exec(header);
      if (!match) throw unauthorized('Send "Authorization: Bearer <API key or access token>".');
      const credential = match[1];
      const key = await options.apiKey?.();
      if (key && apiKeyMatches(credential, key)) return { kind: 'api-key', level: 'write', author: API_KEY_AUTHOR };
      if (credential.split('.').length !== 3) throw unauthorized('The API key or token is not valid.');
      let token;
      try {
        token = await options.accessTokens.verify(credential);
      } catch (error) {
        if ((error as Error).name === 'InvalidTokenError') throw unauthorized(`The access token is not valid: ${(error as Error).message}`);
        throw error;
      }
      const level = await options.access.resolve(token);
      const email = await options.access.trustedEmail(token);
      return {
        kind: 'token',
        level,
        email,
        author: { name: token.name ?? email ?? token.sub, email: email ?? `${token.sub}@users.noreply.wikibot` },
      };
    },
  };
}
