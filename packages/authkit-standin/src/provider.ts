/**
 * @module The oidc-provider configuration that makes it look like WorkOS AuthKit: AuthKit's endpoint
 * paths, PKCE S256 always, open dynamic client registration, RFC 8707 resource indicators that bind a
 * JWT access token's `aud` to any `…/mcp` resource, and access tokens carrying `email` and `name`.
 */
import { randomBytes } from 'node:crypto';
import Provider, { errors, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { errorPage, logoutPage, signedOutPage } from './html.js';
import type { StandinKeys } from './keys.js';
import type { ProviderStore } from './store.js';
import { derivedId, type UserDirectory } from './users.js';

/** The scopes AuthKit advertises; also what a request that names no scope is given. */
export const STANDIN_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** AuthKit's endpoint paths. */
export const STANDIN_ROUTES = {
  authorization: '/oauth2/authorize',
  token: '/oauth2/token',
  registration: '/oauth2/register',
  jwks: '/oauth2/jwks',
  introspection: '/oauth2/introspection',
  revocation: '/oauth2/revoke',
  userinfo: '/oauth2/userinfo',
  end_session: '/oauth2/logout',
} as const;

/** A client registered up front, e.g. the wiki's sign-in client. */
export interface StandinClient {
  client_id: string;
  /** Omit for a public client. */
  client_secret?: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
  /** Defaults to `client_secret_basic` with a secret, `none` without. */
  token_endpoint_auth_method?: 'none' | 'client_secret_basic' | 'client_secret_post';
  client_name?: string;
}

/** What the provider configuration needs from the stand-in. */
export interface ProviderSettings {
  issuer: string;
  keys: StandinKeys;
  store: ProviderStore;
  users: UserDirectory;
  clients: StandinClient[];
  accessTokenTtlSec: number;
  /** Resource given to dynamically registered clients that name none (AuthKit's environment-wide audience). */
  defaultResource?: string;
}

/** True for a resource indicator the stand-in serves: an absolute http(s) URL whose path ends in `/mcp`. */
export function isMcpResource(value: string): boolean {
  const url = URL.parse(value);
  return !!url && (url.protocol === 'https:' || url.protocol === 'http:') && !url.hash && url.pathname.endsWith('/mcp');
}

function toClientMetadata(client: StandinClient): ClientMetadata {
  return {
    client_id: client.client_id,
    ...(client.client_secret ? { client_secret: client.client_secret } : {}),
    redirect_uris: client.redirect_uris,
    post_logout_redirect_uris: client.post_logout_redirect_uris ?? [],
    token_endpoint_auth_method:
      client.token_endpoint_auth_method ?? (client.client_secret ? 'client_secret_basic' : 'none'),
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    ...(client.client_name ? { client_name: client.client_name } : {}),
  };
}

/** Creates the provider. */
export function createProvider(settings: ProviderSettings): Provider {
  const { users } = settings;
  const preRegistered = new Set(settings.clients.map((c) => c.client_id));
  const resourceScope = STANDIN_SCOPES.join(' ');

  const configuration: Configuration = {
    adapter: settings.store.adapterFactory(),
    clients: settings.clients.map(toClientMetadata),
    jwks: settings.keys.jwks as Configuration['jwks'],
    cookies: { keys: settings.keys.cookieKeys },
    routes: STANDIN_ROUTES,
    scopes: [...STANDIN_SCOPES],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
    },
    // ID tokens carry email and name (AuthKit's do), not only the userinfo endpoint.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    clientAuthMethods: ['none', 'client_secret_post', 'client_secret_basic'],
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      registration: {
        enabled: true,
        initialAccessToken: false,
        idFactory: () => derivedId('client', randomBytes(16).toString('hex')),
      },
      introspection: { enabled: true },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      // AuthKit ends its session at a logout URL; the wiki's sign-out sends the browser there.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (ctx, client, oneOf) => {
          if (oneOf) return oneOf;
          if (settings.defaultResource && !preRegistered.has(client.clientId)) return settings.defaultResource;
          return undefined;
        },
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resourceIndicator) => {
          if (!isMcpResource(resourceIndicator))
            throw new errors.InvalidTarget(`resource ${resourceIndicator} is not an MCP server URL`);
          return {
            audience: resourceIndicator,
            scope: resourceScope,
            accessTokenFormat: 'jwt',
            accessTokenTTL: settings.accessTokenTtlSec,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    findAccount: async (_ctx, sub) => {
      const user = users.get(sub);
      if (!user) return undefined;
      const [given, ...family] = user.name.split(' ');
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: user.email,
          email_verified: true,
          name: user.name,
          given_name: given,
          family_name: family.join(' ') || undefined,
        }),
      };
    },
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken' || !('accountId' in token)) return undefined;
      const user = users.get(token.accountId as string);
      return user ? { email: user.email, email_verified: true, name: user.name } : undefined;
    },
    interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: settings.accessTokenTtlSec,
      AuthorizationCode: 120,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
      RefreshToken: 14 * 24 * 3600,
    },
    renderError: async (ctx: KoaContextWithOIDC, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(`${out.error}: ${out.error_description ?? ''}`);
    },
  };

  const provider = new Provider(settings.issuer, configuration);
  provider.use(authkitDefaults);
  return provider;
}

/**
 * Makes authorization requests behave as AuthKit's do where oidc-provider follows OIDC Core instead:
 * a request that names no scope gets the advertised scopes (oidc-provider would end it in
 * `access_denied`), and `offline_access` yields a refresh token without the client also sending
 * `prompt=consent` (oidc-provider silently drops the scope otherwise; consent is asked for anyway).
 */
async function authkitDefaults(ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> {
  if (ctx.method === 'GET' && ctx.path === STANDIN_ROUTES.authorization) {
    const query = { ...ctx.query };
    if (!query.scope) query.scope = STANDIN_SCOPES.join(' ');
    if (String(query.scope).split(' ').includes('offline_access') && !query.prompt) query.prompt = 'consent';
    ctx.query = query;
  }
  await next();
}
