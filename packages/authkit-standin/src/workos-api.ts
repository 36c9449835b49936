/**
 * @module A fake of the slice of the WorkOS REST API wikibot calls (user management: get a user, list
 * organization memberships), answering with WorkOS's documented wire shapes so `@workos-inc/node` can be
 * pointed at it (`apiHostname`, `port`, `https: false`). Requests need `Authorization: Bearer <api key>`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { derivedId, normalizeEmail, userIdForEmail, type StandinUser, type UserDirectory } from './users.js';

/** A membership as stored. */
interface Membership {
  readonly id: string;
  readonly userId: string;
  readonly organizationId: string;
  readonly role: string;
  readonly createdAt: string;
}

/** Organization memberships, in memory (tests and the local system declare them at start). */
export class OrganizationDirectory {
  readonly #memberships = new Map<string, Membership>();

  constructor(private readonly users: UserDirectory) {}

  /** Makes `email` a member of `organizationId` (idempotent) and returns the membership id. */
  add(organizationId: string, email: string, role = 'member'): string {
    const user = this.users.upsert(normalizeEmail(email));
    const id = derivedId('om', `${organizationId}/${user.id}`);
    const existing = this.#memberships.get(id);
    this.#memberships.set(id, {
      id,
      userId: user.id,
      organizationId,
      role,
      createdAt: existing?.createdAt ?? new Date().toISOString(),
    });
    return id;
  }

  /** Ends `email`'s membership of `organizationId`. */
  remove(organizationId: string, email: string): void {
    this.#memberships.delete(derivedId('om', `${organizationId}/${userIdForEmail(email)}`));
  }

  list(filter: { userId?: string; organizationId?: string }): Membership[] {
    return [...this.#memberships.values()].filter(
      (m) =>
        (!filter.userId || m.userId === filter.userId) &&
        (!filter.organizationId || m.organizationId === filter.organizationId),
    );
  }
}

function userJson(user: StandinUser) {
  const [first, ...last] = user.name.split(' ');
  return {
    object: 'user',
    id: user.id,
    email: user.email,
    email_verified: true,
    first_name: first || null,
    last_name: last.join(' ') || null,
    profile_picture_url: null,
    last_sign_in_at: null,
    locale: null,
    external_id: null,
    metadata: {},
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

function membershipJson(m: Membership) {
  return {
    object: 'organization_membership',
    id: m.id,
    user_id: m.userId,
    organization_id: m.organizationId,
    organization_name: m.organizationId,
    role: { slug: m.role },
    status: 'active',
    directory_managed: false,
    custom_attributes: {},
    created_at: m.createdAt,
    updated_at: m.createdAt,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-request-id': derivedId('req', `${Date.now()}${Math.random()}`),
  });
  res.end(JSON.stringify(body));
}

function authorized(req: IncomingMessage, apiKey: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(apiKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Settings for {@link createWorkosApiHandler}. */
export interface WorkosApiSettings {
  apiKey: string;
  users: UserDirectory;
  organizations: OrganizationDirectory;
}

/** Handles `/user_management/*` like the WorkOS API does. */
export function createWorkosApiHandler(settings: WorkosApiSettings) {
  return function handleWorkosApi(req: IncomingMessage, res: ServerResponse): void {
    if (!authorized(req, settings.apiKey)) {
      return sendJson(res, 401, { message: 'Unauthorized', code: 'unauthorized' });
    }
    const url = new URL(req.url ?? '/', 'http://workos.invalid');
    const userMatch = /^\/user_management\/users\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && userMatch) {
      const id = decodeURIComponent(userMatch[1]);
      const user = settings.users.get(id);
      if (!user)
        return sendJson(res, 404, { message: `User not found: '${id}'.`, code: 'entity_not_found', entity_id: id });
      return sendJson(res, 200, userJson(user));
    }
    if (req.method === 'GET' && url.pathname === '/user_management/organization_memberships') {
      const userId = url.searchParams.get('user_id') ?? undefined;
      const organizationId = url.searchParams.get('organization_id') ?? undefined;
      if (!userId && !organizationId) {
        return sendJson(res, 422, {
          code: 'invalid_request_parameters',
          message: 'Validation failed',
          errors: [
            { code: 'user_id_or_organization_id_required', message: 'Either user_id or organization_id is required.' },
          ],
        });
      }
      const statuses = url.searchParams.get('statuses')?.split(',');
      const data =
        statuses && !statuses.includes('active') ? [] : settings.organizations.list({ userId, organizationId });
      return sendJson(res, 200, {
        object: 'list',
        data: data.map(membershipJson),
        list_metadata: { before: null, after: null },
      });
    }
    return sendJson(res, 404, { message: `Not found: ${req.method} ${url.pathname}`, code: 'entity_not_found' });
  };
}
