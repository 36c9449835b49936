/**
 * @module The two WorkOS API reads wikibot makes (a user, a user's organization memberships), as plain HTTPS requests
 * with the API key as a bearer token. Not `@workos-inc/node`: for two GETs its client was ~53 KB of each Lambda zip
 * (compressed; 151 KB + 59 KB of code), and the MCP zip must stay within 400 KB with the wiki's renderer in it. The
 * wire shapes are WorkOS's documented ones, which `@wikibot/authkit-standin` serves (and tests with the SDK).
 */

/** A WorkOS user object, as the API sends it (the fields wikibot reads). */
export interface WorkosUserJson {
  readonly id: string;
  readonly email: string;
  readonly email_verified?: boolean;
  readonly name?: string | null;
  readonly first_name?: string | null;
  readonly last_name?: string | null;
}

/** An answer other than 2xx; `status` as WorkOS's SDK errors carry it. */
export class WorkosApiError extends Error {
  constructor(readonly status: number) {
    super(`WorkOS API answered ${status}`);
    this.name = 'WorkosApiError';
  }
}

/**
 * The API's origin for a host override: a hostname (`api.workos.com`) or an origin (`http://127.0.0.1:4100`, the
 * local stand-in). Default: WorkOS's own.
 *
 * @example
 * ```ts
 * workosApiOrigin('http://127.0.0.1:4100'); // 'http://127.0.0.1:4100'
 * workosApiOrigin('api.workos.com');        // 'https://api.workos.com'
 * ```
 */
export function workosApiOrigin(value: string | undefined): string {
  if (!value) return 'https://api.workos.com';
  return new URL(/^[a-z]+:\/\//i.test(value) ? value : `https://${value}`).origin;
}

const TIMEOUT_MS = 5000;
/** Answers worth one more try (as the SDK's one retry): rate limited or a server error. */
const retried = (status: number): boolean => status === 429 || status >= 500;

/** A client of the WorkOS API at `origin`, authenticated with `apiKey`. */
export function workosRest(origin: string, apiKey: string) {
  async function get<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    const url = new URL(path, origin);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const attempt = (): Promise<Response> =>
      fetch(url, {
        headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    // At most two tries: the second after a network error or an answer worth retrying; its failure is the caller's.
    let response = await attempt().catch(() => undefined);
    if (response === undefined || retried(response.status)) response = await attempt();
    if (!response.ok) throw new WorkosApiError(response.status);
    return (await response.json()) as T;
  }
  return {
    /** The user with id `userId`; rejects with a WorkosApiError of status 404 when there is none. */
    getUser: (userId: string) => get<WorkosUserJson>(`/user_management/users/${encodeURIComponent(userId)}`),
    /** The user's active memberships of the organization. */
    activeMemberships: (userId: string, organizationId: string) =>
      get<{ data: { status: string }[] }>('/user_management/organization_memberships', {
        user_id: userId,
        organization_id: organizationId,
        statuses: 'active',
      }),
  };
}
