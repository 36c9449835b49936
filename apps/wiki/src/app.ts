/**
 * @module The wiki shim as a web-standard fetch handler: route, gate, handle, and map every error to a
 * response in one place. Created once per container; `src/handler.ts` only adapts it to Lambda.
 * Only what an anonymous page view needs is imported statically: the REST API, sign-in, the site pages
 * and the page actions other than viewing are each imported on the first request for them, so a cold
 * start serving a page parses and evaluates as little code as possible.
 */
import { keepingRenders } from '@wikibot/wiki-render/kept';
import type { WikibotConfig } from '@wikibot/auth-config';
import type { AccessResolver, SecretResolver, TokenVerifier, UserDirectory } from '@wikibot/identity';
import { plainResponse } from '@wikibot/lambda-http';
import { WikiError, type WikiApi } from '@wikibot/wiki-core';
import { createSessionCookies, deriveSessionKey, SESSION_TTL_SEC, type SessionCookies } from './auth/session.js';
import { signedOutDir, signedOutSessionsIn } from './auth/signed-out.js';
import { buildContext, type AppDeps } from './context.js';
import { errorToResponse } from './http/error-response.js';
import { HttpError } from './http/http-error.js';
import { lazyAccessResolver, lazySecretResolver, loadIdentity, type Identity } from './identity.js';
import { memo } from './lazy.js';
import { newRequestId } from './request-id.js';
import { jsonResponse, redirect } from './http/responses.js';
import { contentSecurityPolicy, withSecurityHeaders } from './http/security-headers.js';
import { handlePage } from './routes/pages.js';
import { handleStatic } from './routes/static.js';
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

function createDeps(options: WikiAppOptions): AppDeps {
  const { config } = options;
  const secrets = options.secrets ?? lazySecretResolver((identity) => identity.createSecretResolver());
  const access =
    options.access ??
    lazyAccessResolver((identity) =>
      identity.createAccessResolver({ policy: config.policy, directory: options.directory }),
    );
  const secure = new URL(config.origin).protocol === 'https:';
  const cookies = memo(async (): Promise<SessionCookies | undefined> => {
    const ref = config.secrets.sessionSecret;
    if (!ref) return undefined;
    const signedOut = signedOutSessionsIn(signedOutDir(config.dataDir), SESSION_TTL_SEC);
    return createSessionCookies(deriveSessionKey(await secrets.resolve(ref)), { secure }, Date.now, signedOut);
  });
  const services = () => import('./services.js');
  const clientId = config.authkit.clientId;
  const oidc = clientId
    ? memo(async () => (await services()).createSignInClient({ options, secrets }, clientId))
    : undefined;
  const bearer = memo(async () => (await services()).createApiAuth({ options, secrets }, access));
  const log = options.log ?? defaultLog;
  const keepFailed = (error: unknown) => log({ level: 'warn', msg: 'keeping a render failed', error: String(error) });
  const wiki = keepingRenders(options.wiki, config.dataDir, keepFailed);
  return { config, wiki, access, cookies, oidc, bearer, log };
}

/** `/-/<name>` routes answered by the sign-in module and by the site pages module. */
const SIGN_IN_ROUTES = new Set(['login', 'auth', 'logout']);
const SITE_PAGES = new Set(['search', 'changelog', 'index', 'create', 'sitemap.xml']);

async function dispatch(
  deps: AppDeps,
  request: Request,
  url: URL,
  requestId: string,
  setViewer: (v: Viewer) => void,
): Promise<Response> {
  const target = route(url.pathname);
  switch (target.kind) {
    case 'reserved':
      return jsonResponse({ error: 'not_found', message: 'Not found.' }, 404);
    case 'api':
      return (await import('./api/rest.js')).handleApi(deps, request, url, target.segments);
    case 'home':
      return redirect('/Home');
    case 'attachment': {
      const ctx = await buildContext(deps, request, url, requestId);
      setViewer(ctx.viewer);
      return (await import('./routes/lazy-routes.js')).handleAttachment(ctx, target.path, target.filename);
    }
    case 'site':
    case 'page': {
      const fixed = target.kind === 'site' ? await handleStatic(request, target.name, target.rest) : undefined;
      if (fixed) return fixed;
      const ctx = await buildContext(deps, request, url, requestId);
      setViewer(ctx.viewer);
      if (target.kind === 'page') {
        return handlePage(ctx, target.path, target.action, target.revision ?? target.filename);
      }
      const response = SIGN_IN_ROUTES.has(target.name)
        ? await (await import('./routes/sign-in.js')).handleSignIn(ctx, target.name, target.rest)
        : SITE_PAGES.has(target.name)
          ? await (await import('./routes/lazy-routes.js')).handleSite(ctx, target.name, target.rest)
          : target.name === 'preview' && target.rest.length === 0
            ? await (await import('./routes/lazy-routes.js')).handlePreview(ctx)
            : target.name === 'upload' && target.rest.length === 0
              ? await (await import('./routes/lazy-routes.js')).handleUpload(ctx)
              : target.name === 'commit'
                ? await (await import('./routes/lazy-routes.js')).handleCommit(ctx, target.rest)
                : target.name === 'tree'
                  ? await (await import('./routes/lazy-routes.js')).handleTree(ctx, target.rest)
                  : undefined;
      if (response) return response;
      throw new HttpError(404, 'not_found', 'There is no such page.');
    }
  }
}

/**
 * `@wikibot/identity`, when `error` might be one of its errors (which only exist once it has been
 * imported); undefined for the app's and wiki-core's own errors, so a 404 does not import it.
 */
async function identityFor(error: unknown): Promise<Identity | undefined> {
  if (error instanceof HttpError || error instanceof WikiError) return undefined;
  return loadIdentity().catch(() => undefined);
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
  // Sign-out ends with a redirect to the issuer (RP-initiated logout), which form-action must allow.
  const csp = contentSecurityPolicy(deps.oidc ? [new URL(deps.config.authkit.issuer).origin] : []);
  return {
    async fetch(request) {
      const requestId = newRequestId();
      const url = new URL(request.url);
      const json = url.pathname.startsWith('/api/');
      let viewer: Viewer | undefined;
      let response: Response;
      try {
        response = await dispatch(deps, request, url, requestId, (v) => (viewer = v));
      } catch (error) {
        response = errorToResponse(error, {
          identity: await identityFor(error),
          format: json ? 'json' : 'html',
          requestId,
          method: request.method,
          path: url.pathname,
          viewer,
          log: deps.log,
        });
      }
      if (request.method === 'HEAD') response = plainResponse(null, response);
      const out = withSecurityHeaders(response, { https, csp });
      out.headers.set('x-request-id', requestId);
      return out;
    },
  };
}
