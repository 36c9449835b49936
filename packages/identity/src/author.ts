/**
 * @module The one rule for who a write is attributed to in git, the same over MCP, the REST API and the
 * browser: the person's name and verified email (from the token or session, else from WorkOS, whose access
 * tokens usually carry only the user id), else stable fallbacks from the subject, so one person is always one
 * git author.
 */
import type { UserDirectory } from './user-directory.js';

/** A git author. */
export interface GitAuthor {
  readonly name: string;
  readonly email: string;
}

/** What is known of the person: their subject, and a name and a verified email when known. */
export interface AuthorSubject {
  readonly kind?: 'user' | 'api-key';
  readonly sub: string;
  readonly name?: string;
  /** Only a verified email. */
  readonly email?: string;
}

/** Options of {@link createAuthorResolver}. */
export interface AuthorResolverOptions {
  /** The WorkOS directory, when a WorkOS API key is configured. */
  readonly directory?: UserDirectory;
  /** The public origin; its host names fallback addresses (`<sub>@users.noreply.<host>`). */
  readonly origin: string;
}

/**
 * The git author of `subject` without a directory lookup: name, else email, else subject; the verified email,
 * else `<sub>@users.noreply.<host>`.
 * @example
 * gitAuthor({ sub: 'user_01', email: 'ada@example.com' }, 'wiki.example.com');
 * // { name: 'ada@example.com', email: 'ada@example.com' }
 */
export function gitAuthor(subject: AuthorSubject, host: string): GitAuthor {
  const name = subject.name?.trim() || undefined;
  const email = subject.email?.trim() || undefined;
  return {
    name: name ?? email ?? subject.sub,
    email: email ?? `${subject.sub.replace(/[^A-Za-z0-9._-]/g, '_')}@users.noreply.${host}`,
  };
}

/**
 * Creates the resolver, once per container (directory answers are cached by the directory): what the token or
 * session lacks is looked up in WorkOS for users, then {@link gitAuthor} applies.
 */
export function createAuthorResolver(options: AuthorResolverOptions): (subject: AuthorSubject) => Promise<GitAuthor> {
  const host = new URL(options.origin).hostname;
  return async (subject) => {
    let { name, email } = subject;
    if ((!name || !email) && subject.kind !== 'api-key' && options.directory) {
      const user = await options.directory.getUser(subject.sub).catch(() => undefined);
      name ||= user?.name;
      email ||= user?.emailVerified ? user.email : undefined;
    }
    return gitAuthor({ sub: subject.sub, name, email }, host);
  };
}
