/**
 * @module The whole of wikibot's runtime configuration, parsed once from the environment at start-up.
 * Nothing else in the workspace reads these variables; every package takes a {@link WikibotConfig}.
 */
import { parseAccessPolicy, type AccessPolicy } from './access-policy.js';
import { mcpAllowedOrigins } from './browser-origins.js';
import { loadEmbeddingsConfig, type EmbeddingsConfig } from './embeddings.js';
import { ConfigError } from './errors.js';
import {
  MCP_PATH,
  authorizationServerMetadataUrl,
  openIdConfigurationUrl,
  parseOrigin,
  protectedResourceMetadataUrl,
  resolvePublicOrigin,
} from './origin.js';
import { secretRef, type SecretRef } from './secrets.js';

/** Scopes advertised in the protected-resource metadata, i.e. what an MCP client should ask AuthKit for. */
export const MCP_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** The authorization server (WorkOS AuthKit, or the local stand-in). */
export interface AuthkitConfig {
  /** The issuer, e.g. `https://example.authkit.app`: `iss` of every token. */
  readonly issuer: string;
  /** RFC 8414 metadata URL of the issuer. */
  readonly metadataUrl: string;
  /** OIDC discovery URL of the issuer. */
  readonly openIdConfigurationUrl: string;
  /** OAuth client the wiki signs people in with (`AUTHKIT_CLIENT_ID`); absent → the wiki is read-only. */
  readonly clientId?: string;
}

/** wikibot's runtime configuration. */
export interface WikibotConfig {
  /** `WIKIBOT_ENV`: dev, prod, local, … (logs and messages only). */
  readonly environment: string;
  /** Scheme, host and port; never a path. */
  readonly origin: string;
  /** `<origin>/mcp`: the MCP endpoint and the `aud` every access token must carry. */
  readonly resourceUrl: string;
  /** Path of the MCP endpoint, `/mcp`. */
  readonly mcpPath: string;
  /**
   * Origins whose pages may call `/mcp` (`Origin` header): the public origin (each loopback name of the
   * local system) and `MCP_ALLOWED_ORIGINS`, comma-separated (browser clients such as MCP Inspector).
   */
  readonly mcpAllowedOrigins: readonly string[];
  /** `<origin>/.well-known/oauth-protected-resource/mcp`, the `resource_metadata` of 401 challenges. */
  readonly protectedResourceMetadataUrl: string;
  readonly authkit: AuthkitConfig;
  /** Scopes listed in the protected-resource metadata. */
  readonly scopes: readonly string[];
  readonly policy: AccessPolicy;
  /** `WIKI_READ_ACCESS`: `public` (default) or `signed-in`. */
  readonly wikiReadAccess: 'public' | 'signed-in';
  /** `WIKI_DATA_DIR`: the git repository holding the wiki. */
  readonly dataDir: string;
  /**
   * `WIKI_RETAIN_PAGE_NAME_CASE`: `true` or `false` (default), An Otter Wiki's `RETAIN_PAGE_NAME_CASE`: page files
   * spelt as names are given and shown as stored, instead of lower-case files shown title-cased.
   */
  readonly retainPageNameCase: boolean;
  /** `WORKOS_API_HOSTNAME`: WorkOS API host override (the local fake); absent → api.workos.com. */
  readonly workosApiHostname?: string;
  /** Semantic search's embedding model (`BEDROCK_*`); absent → keyword results with a note. */
  readonly embeddings?: EmbeddingsConfig;
  readonly secrets: {
    readonly workosApiKey?: SecretRef;
    readonly mcpApiKey?: SecretRef;
    readonly sessionSecret?: SecretRef;
    readonly authkitClientSecret?: SecretRef;
  };
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses and checks the environment once. Throws a {@link ConfigError} naming the variable at fault.
 *
 * @example
 * ```ts
 * const config = loadConfig({
 *   PUBLIC_ORIGIN: 'https://dev.wikibot.io',
 *   AUTHKIT_DOMAIN: 'https://example.authkit.app',
 *   ACCESS_POLICY: '{"writers":["@example.com"]}',
 *   WIKI_DATA_DIR: '/mnt/wiki/repo',
 * });
 * config.resourceUrl;                   // 'https://dev.wikibot.io/mcp'
 * config.protectedResourceMetadataUrl; // 'https://dev.wikibot.io/.well-known/oauth-protected-resource/mcp'
 * ```
 */
export function loadConfig(env: Env = process.env): WikibotConfig {
  const origin = resolvePublicOrigin(env.PUBLIC_ORIGIN, 'PUBLIC_ORIGIN');
  const resourceUrl = `${origin}${MCP_PATH}`;
  const issuer = resolveIssuer(env.AUTHKIT_DOMAIN);
  const dataDir = env.WIKI_DATA_DIR?.trim();
  if (!dataDir) throw new ConfigError('WIKI_DATA_DIR', "is required: the directory of the wiki's git repository");
  const readAccess = env.WIKI_READ_ACCESS?.trim() || 'public';
  if (readAccess !== 'public' && readAccess !== 'signed-in') {
    throw new ConfigError('WIKI_READ_ACCESS', `must be "public" or "signed-in", not "${readAccess}"`);
  }
  const retainCase = env.WIKI_RETAIN_PAGE_NAME_CASE?.trim() || 'false';
  if (retainCase !== 'true' && retainCase !== 'false') {
    throw new ConfigError('WIKI_RETAIN_PAGE_NAME_CASE', `must be "true" or "false", not "${retainCase}"`);
  }
  const workosApiHostname = env.WORKOS_API_HOSTNAME?.trim() || undefined;
  return {
    environment: env.WIKIBOT_ENV?.trim() || 'local',
    origin,
    resourceUrl,
    mcpPath: MCP_PATH,
    mcpAllowedOrigins: mcpAllowedOrigins(origin, env.MCP_ALLOWED_ORIGINS),
    protectedResourceMetadataUrl: protectedResourceMetadataUrl(resourceUrl),
    authkit: {
      issuer,
      metadataUrl: authorizationServerMetadataUrl(issuer),
      openIdConfigurationUrl: openIdConfigurationUrl(issuer),
      clientId: env.AUTHKIT_CLIENT_ID?.trim() || undefined,
    },
    scopes: MCP_SCOPES,
    policy: parseAccessPolicy(env.ACCESS_POLICY),
    wikiReadAccess: readAccess,
    dataDir,
    retainPageNameCase: retainCase === 'true',
    workosApiHostname,
    embeddings: loadEmbeddingsConfig(env),
    secrets: {
      workosApiKey: secretRef(env, 'WORKOS_API_KEY'),
      mcpApiKey: secretRef(env, 'MCP_API_KEY'),
      sessionSecret: secretRef(env, 'SESSION_SECRET'),
      authkitClientSecret: secretRef(env, 'AUTHKIT_CLIENT_SECRET'),
    },
  };
}

/**
 * The AuthKit issuer from `AUTHKIT_DOMAIN`: a bare host (`example.authkit.app`) gets `https://`; an issuer
 * may carry a path (RFC 8414 allows it) but no query or fragment.
 */
export function resolveIssuer(value: string | undefined): string {
  const raw = value?.trim();
  if (!raw)
    throw new ConfigError('AUTHKIT_DOMAIN', 'is required (your AuthKit domain, e.g. https://example.authkit.app)');
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch (cause) {
    throw new ConfigError('AUTHKIT_DOMAIN', `"${raw}" is not a URL`, { cause });
  }
  // Same scheme and credential rules as an origin; then allow a path back.
  parseOrigin(url.origin, 'AUTHKIT_DOMAIN');
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError('AUTHKIT_DOMAIN', `"${raw}" must not carry a query, fragment or credentials`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}
