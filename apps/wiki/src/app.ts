/**
 * @module The wiki shim as a web-standard fetch handler: route, gate, handle, and map every error to a
 * response in one place. Created once per container; `src/handler.ts` only adapts it to Lambda.
 */
import { randomUUID } from 'node:crypto';
import type { WikibotConfig } from '@wikibot/auth-config';
import {
  createAccessResolver,
  createSecretResolver,
  createTokenVerifier,
  type AccessResolver,
  type SecretResolver,
  type TokenVerifier,
  type UserDirectory,
} from '@wikibot/identity';
import type { WikiApi } from '@wikibot/wiki-core';
import { createBearerAuth } from './api/bearer.js';
import { handleApi } from './api/rest.js';
import { createOidcClient } from './auth/oidc.js';
import { createSessionCookies, deriveSessionKey, type SessionCookies } from './auth/session.js';
import { buildContext, type AppDeps } from './context.js';
import { errorToResponse } from './http/error-response.js';
import { HttpError } from './http/http-error.js';
import { jsonResponse, redirect } from './http/responses.js';
import { withSecurityHeaders } from './http/security-headers.js';
import { handlePage } from './routes/pages.js';
import { handleSignIn } from './routes/sign-in.js';
import { handleSite, handleStatic } from './routes/site.js';
import { route } from './router.js';
import type { Viewer } from './views/layout.js';

/** Options of {@link createWikiApp}. Everything but `config` and `wiki` has a production default. */
export interface WikiAppOptions {
  readonly config: WikibotConfig;
  readonly wiki: WikiApi;
  /** Resolves SESSION_SECRET, MCP_API_KEY and AUTHKIT_CLIENT_SECRET (default: literal values only). */
  readonly secrets?: SecretResolver;
  /** The WorkOS directory, for policies that admit an organization. */
  readonly directory?: UserDirectory;
  readonly access?: AccessResolver;
  /** Verifies REST bearer tokens (default: the AuthKit issuer, audience = the resource URL). */
  readonly accessTokenVerifier?: TokenVerifier;
  /** Verifies OIDC ID tokens (default: the AuthKit issuer, audience = the client id). */
  readonly idTokenVerifier?: TokenVerifier;
  /** The fetch used to talk to AuthKit (tests may pass their own). */
  readonly fetch?: typeof globalThis.fetch;
  /** Structured log sink (default: one JSON line on stdout/stderr). */
  readonly log?: (line: Record<string, unknown>) => void;
}

/** The app: one fetch function. */
export interface WikiApp {
  fetch(request: Request): Promise<Response>;
}

const defaultLog = (line: Record<string, unknown>): void => {
  const text = JSON.stringify(line);
  if (line.level === 'error' || line.level === 'warn') console.error(text);
  else console.log(text);
};

function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= make();
    value.catch(() => {
      value = undefined; // retry a failed secret read on the next request
    });
    return value;
  };
}

function createDeps(options: WikiAppOptions): AppDeps {
  const { config } = options;
  const secrets = options.secrets ?? createSecretResolver();
  const access = options.access ?? createAccessResolver({ policy: config.policy, directory: options.directory });
  const secure = new URL(config.origin).protocol === 'https:';
  const cookies = memo(async (): Promise<SessionCookies | undefined> => {
    const ref = config.secrets.sessionSecret;
    return ref ? createSessionCookies(deriveSessionKey(await secrets.resolve(ref)), { secure }) : undefined;
  });
  const clientId = config.authkit.clientId;
  const oidc = clientId
    ? createOidcClient({
        authkit: { ...config.authkit, clientId },
        redirectUri: `${config.origin}/-/auth/callback`,
        idTokenVerifier: options.idTokenVerifier ?? createTokenVerifier({ issuer: config.authkit.issuer, audience: clientId, fetch: options.fetch }),
        clientSecret: config.secrets.authkitClientSecret ? () => secrets.resolve(config.secrets.authkitClientSecret!) : undefined,
        fetch: options.fetch,
      })
    : undefined;
  const bearer = createBearerAuth({
    apiKey: config.secrets.mcpApiKey ? () => secrets.resolve(config.secrets.mcpApiKey!) : undefined,
    accessTokens:
      options.accessTokenVerifier ?? createTokenVerifier({ issuer: config.authkit.issuer, audience: config.resourceUrl, fetch: options.fetch }),
    access,
  });
  return { config, wiki: options.wiki, access, cookies, oidc, bearer, log: options.log ?? defaultLog };
}

async function dispatch(deps: AppDeps, request: Request, url: URL, requestId: string, setViewer: (v: Viewer) => void): Promise<Response> {
  const target = route(url.pathname);
  switch (target.kind) {
    case 'reserved':
      return jsonResponse({ error: 'not_found', message: 'Not found.' }, 404);
    case 'api':
      return handleApi(deps, request, url, target.segments);
    case 'home':
      return redirect('/Home');
    case 'site':
    case 'page': {
      const fixed = target.kind === 'site' ? handleStatic(request, target.name, target.rest) : undefined;
      if (fixed) return fixed;
      const ctx = await buildContext(deps, request, url, requestId);
      setViewer(ctx.viewer);
      if (target.kind === 'page') return handlePage(ctx, target.path, target.action, target.revision);
      const response = (await handleSignIn(ctx, target.name, target.rest)) ?? (await handleSite(ctx, target.name, target.rest));
      if (response) return response;
      throw new HttpError(404, 'not_found', 'There is no such page.');
    }
  }
}

/**
 * Creates the wiki app.
 *
 * @example
 * ```ts
 * const app = createWikiApp({ config: loadConfig(process.env), wiki: await Wiki.open({ dir: config.dataDir }) });
 * const response = await app.fetch(new Request('https://wiki.example.com/Home'));
 * ```
 */
export function createWikiApp(options: WikiAppOptions): WikiApp {
  const deps = createDeps(options);
  const https = deps.config.origin.startsWith('https:');
  return {
    async fetch(request) {
      const requestId = randomUUID();
      const url = new URL(request.url);
      const json = url.pathname.startsWith('/api/');
      let viewer: Viewer | undefined;
      let response: Response;
      try {
        response = await dispatch(deps, request, url, requestId, (v) => (viewer = v));
      } catch (error) {
        response = errorToResponse(error, {
          format: json ? 'json' : 'html',
          requestId,
          method: request.method,
          path: url.pathname,
          viewer,
          log: deps.log,
        });
      }
      if (request.method === 'HEAD') response = new Response(null, response);
      const out = withSecurityHeaders(response, { https });
      out.headers.set('x-request-id', requestId);
      return out;
    },
  };
}
