/**
 * @module `@wikibot/identity` on demand. Its entry point brings jose's JWT and JWKS code with it, which an
 * anonymous page view never needs, so the app reaches it only through {@link loadIdentity} and the lazy
 * collaborators below: the module is imported by the first request that resolves a secret, reads a
 * session, checks access or verifies a token.
 */
import type * as IdentityModule from '@wikibot/identity';
import type { AccessResolver, SecretResolver, UserDirectory } from '@wikibot/identity';
import { memo } from './lazy.js';

/** The `@wikibot/identity` module. */
export type Identity = typeof IdentityModule;

/** Imports `@wikibot/identity` (once). */
export const loadIdentity: () => Promise<Identity> = memo(() => import('@wikibot/identity'));

/** A secret resolver made on its first use. */
export function lazySecretResolver(make: (identity: Identity) => SecretResolver): SecretResolver {
  const get = memo(async () => make(await loadIdentity()));
  return { resolve: async (ref) => (await get()).resolve(ref) };
}

/** An access resolver made on its first use. */
export function lazyAccessResolver(make: (identity: Identity) => AccessResolver): AccessResolver {
  const get = memo(async () => make(await loadIdentity()));
  return {
    resolve: async (subject) => (await get()).resolve(subject),
    trustedEmail: async (subject) => (await get()).trustedEmail(subject),
  };
}

/** A user directory made on its first lookup. */
export function lazyUserDirectory(make: (identity: Identity) => UserDirectory): UserDirectory {
  const get = memo(async () => make(await loadIdentity()));
  return {
    getUser: async (userId) => (await get()).getUser(userId),
    isMember: async (userId, organizationId) => (await get()).isMember(userId, organizationId),
  };
}
