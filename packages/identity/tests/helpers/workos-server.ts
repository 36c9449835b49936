/**
 * @module A small local server answering the two WorkOS user-management calls the directory makes, in
 * WorkOS's wire format, for unit tests (end-to-end tests use the AuthKit stand-in's fake API).
 */
import { listen } from './listen.js';

/** A user as WorkOS stores it (snake_case on the wire). */
export interface WorkosTestUser {
  id: string;
  email: string;
  email_verified: boolean;
  first_name?: string | null;
  last_name?: string | null;
}

/** A running fake. */
export interface WorkosServer {
  readonly url: string;
  /** Request paths received. */
  readonly calls: string[];
  close(): Promise<void>;
}

/** Serves `users` and `memberships` (`[userId, organizationId]` active pairs), accepting `apiKey` only. */
export async function startWorkosServer(options: {
  apiKey: string;
  users: WorkosTestUser[];
  memberships?: [string, string][];
}): Promise<WorkosServer> {
  const calls: string[] = [];
  const server = await listen((request) => {
    const url = new URL(request.url);
    calls.push(`${url.pathname}${url.search}`);
    if (request.headers.get('authorization') !== `Bearer ${options.apiKey}`) {
      return Response.json({ message: 'Unauthorized' }, { status: 401 });
    }
    const userMatch = /^\/user_management\/users\/([^/]+)$/.exec(url.pathname);
    if (userMatch) {
      const user = options.users.find((u) => u.id === decodeURIComponent(userMatch[1]));
      if (!user) return Response.json({ code: 'entity_not_found', message: 'User not found' }, { status: 404 });
      return Response.json({
        object: 'user',
        first_name: null,
        last_name: null,
        profile_picture_url: null,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
        ...user,
      });
    }
    if (url.pathname === '/user_management/organization_memberships') {
      const userId = url.searchParams.get('user_id');
      const orgId = url.searchParams.get('organization_id');
      const data = (options.memberships ?? [])
        .filter(([u, o]) => u === userId && (!orgId || o === orgId))
        .map(([u, o], i) => ({
          object: 'organization_membership',
          id: `om_${i}`,
          user_id: u,
          organization_id: o,
          organization_name: 'Test Org',
          status: 'active',
          role: { slug: 'member' },
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
        }));
      return Response.json({ object: 'list', data, list_metadata: { before: null, after: null } });
    }
    return Response.json({ message: 'Not found' }, { status: 404 });
  });
  return { url: server.url, calls, close: () => server.close() };
}
