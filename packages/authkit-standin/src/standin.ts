/**
 * @module Starts the AuthKit stand-in: one HTTP server on 127.0.0.1 serving the oidc-provider
 * authorization server, its sign-in and consent pages, and the WorkOS API fake.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import { isLoopbackAuthority } from '@wikibot/auth-config';
import { createInteractionHandler } from './interactions.js';
import { loadOrCreateKeys } from './keys.js';
import { STANDIN_ROUTES, createProvider, type StandinClient } from './provider.js';
import { ProviderStore } from './store.js';
import { UserDirectory, userIdForEmail } from './users.js';
import { OrganizationDirectory, createWorkosApiHandler } from './workos-api.js';

/** Options of {@link startAuthkitStandin}. */
export interface AuthkitStandinOptions {
  /** Port to listen on; 0 picks a free one. Default 8788. */
  port?: number;
  /** Interface to listen on and host of the issuer. Default `127.0.0.1`. */
  host?: string;
  /** Keeps signing keys, registered clients, grants and users here (JSON files); in memory when absent. */
  dataDir?: string;
  /** Signs in as this email without the sign-in page and grants consent without asking (scripts, tests). */
  autoLoginEmail?: string;
  /** Clients registered up front, e.g. the wiki's OIDC client. */
  clients?: StandinClient[];
  /** Lifetime of access tokens in seconds. Default 3600. */
  accessTokenTtlSec?: number;
  /** Organization id → member emails, for the WorkOS API fake. */
  organizations?: Record<string, string[]>;
  /** API key the WorkOS fake accepts. Default `sk_test_authkit_standin`. */
  workosApiKey?: string;
  /**
   * `aud` of tokens for dynamically registered clients that send no `resource` (AuthKit's
   * environment-wide audience); absent → such requests get an opaque token, as for plain OIDC.
   */
  defaultResource?: string;
}

/** A running stand-in. */
export interface AuthkitStandin {
  /** `http://<host>:<port>`: the `iss` of every token and what AUTHKIT_DOMAIN is set to. */
  readonly issuer: string;
  /** Base URL of the server (same as the issuer). */
  readonly url: string;
  readonly port: number;
  /** Base URL of the WorkOS API fake (same server). */
  readonly workosApiUrl: string;
  /** The fake's API key. */
  readonly workosApiKey: string;
  /** Options for `new WorkOS(workosApiKey, workosOptions)` from `@workos-inc/node`. */
  readonly workosOptions: { apiHostname: string; port: number; https: false };
  /** The underlying oidc-provider instance (tests). */
  readonly provider: Provider;
  /** The `sub` (WorkOS user id) the stand-in gives this email. */
  userIdForEmail(email: string): string;
  /** Adds an organization membership to the WorkOS fake; returns its id. */
  addOrganizationMember(organizationId: string, email: string, role?: string): string;
  /** Removes an organization membership from the WorkOS fake. */
  removeOrganizationMember(organizationId: string, email: string): void;
  close(): Promise<void>;
}

/**
 * Starts a real OAuth 2.1 / OIDC authorization server shaped like WorkOS AuthKit.
 *
 * @example
 * ```ts
 * const authkit = await startAuthkitStandin({ port: 0, autoLoginEmail: 'ada@example.com' });
 * // AUTHKIT_DOMAIN=authkit.issuer; tokens for resource http://localhost:8787/mcp have that as aud
 * await authkit.close();
 * ```
 */
export async function startAuthkitStandin(options: AuthkitStandinOptions = {}): Promise<AuthkitStandin> {
  const host = options.host ?? '127.0.0.1';
  const workosApiKey = options.workosApiKey ?? 'sk_test_authkit_standin';
  const users = new UserDirectory(options.dataDir);
  const organizations = new OrganizationDirectory(users);
  for (const [organizationId, emails] of Object.entries(options.organizations ?? {})) {
    for (const email of emails) organizations.add(organizationId, email);
  }
  const keys = await loadOrCreateKeys(options.dataDir);
  const store = new ProviderStore(options.dataDir);
  const workosApi = createWorkosApiHandler({ apiKey: workosApiKey, users, organizations });

  // The issuer carries the port, which is only known once listening; requests wait for the provider.
  let route: (req: IncomingMessage, res: ServerResponse) => unknown = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => {
    Promise.resolve(route(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"server_error"}');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8788, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const provider = createProvider({
    issuer,
    keys,
    store,
    users,
    clients: options.clients ?? [],
    accessTokenTtlSec: options.accessTokenTtlSec ?? 3600,
    defaultResource: options.defaultResource,
  });
  const interactions = createInteractionHandler({ provider, users, issuer, autoLoginEmail: options.autoLoginEmail });
  const oidc = provider.callback();
  route = (req, res) => {
    // DNS rebinding: a foreign name resolving to this machine arrives with that name.
    if (!isLoopbackAuthority(req.headers.host, port)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end(`This server answers only as ${issuer}.`);
      return undefined;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/interaction/')) return interactions(req, res);
    if (path.startsWith('/user_management/')) return workosApi(req, res);
    if (path === STANDIN_ROUTES.registration && allowBrowserRegistration(req, res)) return undefined;
    return oidc(req, res);
  };

  return {
    issuer,
    url: issuer,
    port,
    workosApiUrl: issuer,
    workosApiKey,
    workosOptions: { apiHostname: host, port, https: false },
    provider,
    userIdForEmail,
    addOrganizationMember: (organizationId, email, role) => organizations.add(organizationId, email, role),
    removeOrganizationMember: (organizationId, email) => organizations.remove(organizationId, email),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // Let clients see their kept-alive sockets close before anyone restarts on this port.
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

/**
 * Open registration answers browsers too (MCP Inspector registers from its page), which oidc-provider's
 * registration endpoint does not: answer the preflight, and let any origin read the response.
 * Returns true when the request was answered here.
 */
function allowBrowserRegistration(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.headers.origin) return false;
  res.setHeader('access-control-allow-origin', '*');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}
