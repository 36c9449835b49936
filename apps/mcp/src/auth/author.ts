/**
 * @module Who a write is attributed to in git: the signed-in user's name and email from the token, else
 * from WorkOS (AuthKit access tokens usually carry only the user id), else a stable fallback from the
 * subject so every commit still names its author.
 */
import type { UserDirectory } from '@wikibot/identity';
import type { Author } from '@wikibot/wiki-core';
import type { Principal } from './bearer.js';

/** Options of {@link createAuthorResolver}. */
export interface AuthorResolverOptions {
  /** The WorkOS directory, when a WorkOS API key is configured. */
  readonly directory?: UserDirectory;
  /** The public origin; its host names fallback addresses (`<sub>@users.noreply.<host>`). */
  readonly origin: string;
}

/**
 * Creates the resolver, once per container (directory answers are cached by the directory).
 *
 * @example
 * ```ts
 * await authorOf({ kind: 'user', sub: 'user_01', email: 'ada@example.com', name: 'Ada', scopes: [], access: 'write' });
 * // { name: 'Ada', email: 'ada@example.com' }
 * ```
 */
export function createAuthorResolver(options: AuthorResolverOptions): (principal: Principal) => Promise<Author> {
  const host = new URL(options.origin).hostname;
  const fallbackEmail = (sub: string): string => `${sub.replace(/[^A-Za-z0-9._-]/g, '_')}@users.noreply.${host}`;
  return async (principal) => {
    let { name, email } = principal;
    if ((!name || !email) && principal.kind === 'user' && options.directory) {
      const user = await options.directory.getUser(principal.sub).catch(() => undefined);
      name ??= user?.name;
      email ??= user?.emailVerified ? user.email : undefined;
    }
    return {
      name: name ?? email?.split('@')[0] ?? principal.sub,
      email: email ?? fallbackEmail(principal.sub),
    };
  };
}
