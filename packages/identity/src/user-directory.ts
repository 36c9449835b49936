/**
 * @module The WorkOS user directory: a user's name and email when the token carries only a WorkOS user
 * id, and organization membership for access policies that admit an organization. Answers are cached; the API key is
 * read on the first lookup, so cold starts and discovery requests never ask for it.
 */
import { DirectoryUnavailableError } from './errors.js';
import { TtlCache } from './ttl-cache.js';
import { workosApiOrigin, workosRest } from './workos-rest.js';

/** A directory user, reduced to what wikibot needs. */
export interface DirectoryUser {
  readonly id: string;
  readonly email: string;
  readonly emailVerified: boolean;
  /** Full name, else first and last name joined; absent when WorkOS has none. */
  readonly name?: string;
}

/** Looks users up; see {@link createUserDirectory}. */
export interface UserDirectory {
  /** The user, or undefined when WorkOS does not know the id. */
  getUser(userId: string): Promise<DirectoryUser | undefined>;
  /** True when the user has an active membership of the organization. */
  isMember(userId: string, organizationId: string): Promise<boolean>;
}

/** Options of {@link createUserDirectory}. */
export interface UserDirectoryOptions {
  /** The WorkOS API key, or a function that reads it (called once, on first lookup). */
  readonly apiKey: string | (() => Promise<string>);
  /**
   * WorkOS API host override: a hostname (`api.workos.com`) or an origin (`http://127.0.0.1:4100`) for the
   * local fake. Default: WorkOS's own.
   */
  readonly apiHostname?: string;
  /** How long answers are kept (default 5 minutes). */
  readonly ttlMs?: number;
}

/** Creates a directory client, once per container. */
export function createUserDirectory(options: UserDirectoryOptions): UserDirectory {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const users = new TtlCache<DirectoryUser | undefined>({ ttlMs });
  const memberships = new TtlCache<boolean>({ ttlMs });
  let client: Promise<ReturnType<typeof workosRest>> | undefined;

  const workos = (): Promise<ReturnType<typeof workosRest>> => {
    client ??= (async () => {
      const apiKey = typeof options.apiKey === 'string' ? options.apiKey : await options.apiKey();
      return workosRest(workosApiOrigin(options.apiHostname), apiKey);
    })();
    client.catch(() => {
      client = undefined;
    });
    return client;
  };

  return {
    getUser(userId) {
      return users.get(userId, async () => {
        try {
          const user = await (await workos()).getUser(userId);
          const name = user.name?.trim() || [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
          return {
            id: user.id,
            email: user.email,
            emailVerified: user.email_verified === true,
            ...(name ? { name } : {}),
          };
        } catch (error) {
          if ((error as { status?: number }).status === 404) return undefined;
          throw new DirectoryUnavailableError('WorkOS could not be asked about a user', { cause: error });
        }
      });
    },
    isMember(userId, organizationId) {
      return memberships.get(`${organizationId} ${userId}`, async () => {
        try {
          const list = await (await workos()).activeMemberships(userId, organizationId);
          return list.data.some((m) => m.status === 'active');
        } catch (error) {
          throw new DirectoryUnavailableError('WorkOS could not be asked about organization membership', {
            cause: error,
          });
        }
      });
    },
  };
}
