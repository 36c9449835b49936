/**
 * @module Decides what a signed-in user may do under the environment's access policy: by verified email
 * address or domain, and by WorkOS organization membership when the policy names an organization.
 */
import { accessByEmail, ConfigError, maxAccess, type AccessLevel, type AccessPolicy } from '@wikibot/auth-config';
import type { UserDirectory } from './user-directory.js';

/** Who is asking, as far as the token (or the API key) tells. */
export interface AccessSubject {
  readonly sub: string;
  readonly email?: string;
  /** The token's `email_verified` claim; an email the claim calls unverified is never trusted. */
  readonly emailVerified?: boolean;
}

/** Resolves access levels; see {@link createAccessResolver}. */
export interface AccessResolver {
  /** The user's access level; `none` means refuse (with `refusalMessage`). */
  resolve(subject: AccessSubject): Promise<AccessLevel>;
  /** The email the decision was based on: the token's when trusted, else the directory's verified one. */
  trustedEmail(subject: AccessSubject): Promise<string | undefined>;
}

/** Options of {@link createAccessResolver}. */
export interface AccessResolverOptions {
  readonly policy: AccessPolicy;
  /** The WorkOS directory; required when the policy names an organization. */
  readonly directory?: UserDirectory;
}

/**
 * Creates the resolver, once per container. Directory answers are cached by the directory.
 *
 * @example
 * ```ts
 * const access = createAccessResolver({ policy: config.policy, directory });
 * if ((await access.resolve(token)) === 'none') return forbidden(refusalMessage(config.policy, token.email, 'read'));
 * ```
 */
export function createAccessResolver(options: AccessResolverOptions): AccessResolver {
  const { policy, directory } = options;
  if (policy.organization && !directory) {
    throw new ConfigError(
      'WORKOS_API_KEY',
      `is required: ACCESS_POLICY admits organization ` +
        `${policy.organization.id}, whose membership is looked up in WorkOS`,
    );
  }

  const trustedEmail = async (subject: AccessSubject): Promise<string | undefined> => {
    if (subject.email && subject.emailVerified !== false) return subject.email;
    // AuthKit access tokens usually carry only the user id; the directory knows the address.
    if (!directory || !needsEmail(policy)) return undefined;
    const user = await directory.getUser(subject.sub);
    return user?.emailVerified ? user.email : undefined;
  };

  return {
    trustedEmail,
    async resolve(subject) {
      const byEmail = accessByEmail(policy, await trustedEmail(subject));
      const org = policy.organization;
      if (!org || !directory || byEmail === 'write' || byEmail === org.access) return byEmail;
      const member = await directory.isMember(subject.sub, org.id);
      return member ? maxAccess(byEmail, org.access) : byEmail;
    },
  };
}

/** True when some policy entry depends on the address (not just `*` or an organization). */
function needsEmail(policy: AccessPolicy): boolean {
  return [...policy.writers, ...policy.readers].some((entry) => entry !== '*');
}
