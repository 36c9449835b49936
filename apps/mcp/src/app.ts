/**
 * @module The MCP Lambda's app: a web-standard `fetch(Request): Promise<Response>` routing `/mcp` and
 * OAuth discovery. Everything that can be done once per container (verifier, JWKS, access policy,
 * directory, wiki) is built here once; the MCP SDK and the wiki engine are imported on the first
 * `POST /mcp`, so a cold start answering discovery loads neither.
 */
import { refusalMessage, type WikibotConfig } from '@wikibot/auth-config';
import {
  createAccessResolver,
  createSecretResolver,
  createAuthorResolver,
  createTokenVerifier,
  createUserDirectory,
  type AwsAccess,
  type TokenVerifier,
} from '@wikibot/identity';
import type { WikiApi } from '@wikibot/wiki-core';
import { createBearerAuth, type Principal } from './auth/bearer.js';
import { createMetadataForwarder, createProtectedResourceRoute } from './auth/metadata.js';
import { logError, logRequest, type LogSink, type RequestLog } from './http/log.js';
import { refuseForeignOrigin } from './http/origin.js';
import { writeStdoutLine } from './http/stdout-line.js';
import { jsonError, methodNotAllowed, preflight, withCors } from './http/responses.js';
import { ClientNames } from './mcp/client-names.js';
import { readJsonRpc, type JsonRpcSummary } from './mcp/json-rpc.js';

/** Collaborators the app can be given (tests, the local system); defaults are the real ones. */
export interface AppOptions {
  /** fetch for the issuer's metadata and JWKS. */
  readonly fetch?: typeof globalThis.fetch;
  /** AWS credentials for SSM secrets (the handler passes the Lambda's). */
  readonly aws?: AwsAccess;
  /** SSM endpoint override (tests). */
  readonly ssmEndpoint?: string;
  /** Replaces the JWT verifier (tests). */
  readonly verifier?: TokenVerifier;
  /**
   * Opens the wiki; default `Wiki.open` from @wikibot/wiki-core on `config.dataDir`, with Bedrock embeddings if
   * configured.
   */
  readonly openWiki?: () => Promise<WikiApi>;
  /** Where the per-request log lines go (default stdout). */
  readonly log?: LogSink;
  /** How long forwarded authorization-server metadata is cached (default 5 minutes). */
  readonly metadataTtlMs?: number;
}

/** The app: one fetch handler. */
export interface App {
  fetch(request: Request): Promise<Response>;
}

const MCP_METHODS = 'GET, POST, DELETE, OPTIONS';
const WELL_KNOWN_METHODS = 'GET, OPTIONS';

/** Memoizes an async initialiser; a failure is retried on the next call. */
function once<T>(init: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= init().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}

/**
 * Builds the app from a loaded configuration. Throws a `ConfigError` for settings it cannot run with
 * (e.g. an organization policy without a WorkOS API key).
 *
 * @example
 * ```ts
 * const app = createApp(loadConfig(process.env), { aws: awsAccessFromEnv(process.env) });
 * const response = await app.fetch(new Request('https://dev.wikibot.io/.well-known/oauth-protected-resource/mcp'));
 * ```
 */
export function createApp(config: WikibotConfig, options: AppOptions = {}): App {
  const sink: LogSink = options.log ?? writeStdoutLine;
  const secrets = createSecretResolver({ aws: options.aws, endpoint: options.ssmEndpoint });
  const workosKey = config.secrets.workosApiKey;
  const directory = workosKey
    ? createUserDirectory({ apiKey: () => secrets.resolve(workosKey), apiHostname: config.workosApiHostname })
    : undefined;
  const mcpKey = config.secrets.mcpApiKey;
  const authenticate = createBearerAuth({
    config,
    verifier:
      options.verifier ??
      createTokenVerifier({
        issuer: config.authkit.issuer,
        audience: config.resourceUrl,
        metadataUrl: config.authkit.metadataUrl,
        fetch: options.fetch,
      }),
    access: createAccessResolver({ policy: config.policy, directory }),
    // The resolver caches the key for a bounded time, so a rotated key is picked up without a redeploy.
    apiKey: mcpKey ? () => secrets.resolve(mcpKey) : undefined,
  });
  const authorOf = createAuthorResolver({ directory, origin: config.origin });
  const servePrm = createProtectedResourceRoute(config);
  const forward = createMetadataForwarder({ fetch: options.fetch, ttlMs: options.metadataTtlMs });
  const prmPaths = new Set([
    '/.well-known/oauth-protected-resource',
    new URL(config.protectedResourceMetadataUrl).pathname,
  ]);
  const upstream = new Map([
    ['/.well-known/oauth-authorization-server', config.authkit.metadataUrl],
    ['/.well-known/openid-configuration', config.authkit.openIdConfigurationUrl],
  ]);
  // Page writes keep renders for the wiki's views (`@wikibot/wiki-render`): a page an assistant wrote is shown by a
  // cold wiki container without markdown-it.
  const wiki = once(async () =>
    (await import('@wikibot/wiki-render/kept')).keepingRenders(
      await (options.openWiki ?? (() => openWiki(config, options.aws)))(),
      config.dataDir,
      (error) => logError(sink, 'keeping a render', error),
    ),
  );
  const mcpModule = once(() => import('./mcp/server.js'));
  const clientNames = new ClientNames();
  const allowedOrigins = new Set(config.mcpAllowedOrigins);

  const handleMcp = async (request: Request, log: Partial<RequestLog>): Promise<Response> => {
    const foreign = refuseForeignOrigin(request, allowedOrigins);
    if (foreign) {
      log.reason = 'forbidden_origin';
      return foreign;
    }
    if (request.method === 'OPTIONS') return preflight(MCP_METHODS);
    // Stateless and JSON-only: no SSE stream to open (GET) and no session to end (DELETE).
    if (request.method !== 'POST') return methodNotAllowed('POST, OPTIONS');
    const outcome = await authenticate(request);
    if ('response' in outcome) {
      log.reason = outcome.reason;
      return outcome.response;
    }
    const principal: Principal = outcome.principal;
    log.user = principal.sub;
    log.client = principal.clientId ?? (principal.kind === 'api-key' ? 'api-key' : undefined);
    const body = await readJsonRpc(request);
    if ('response' in body) return body.response;
    summarize(log, body.summary);
    const announced = body.summary.clientInfoName;
    if (announced) clientNames.remember(principal.sub, principal.clientId, announced);
    const clientName = announced ?? clientNames.lookup(principal.sub, principal.clientId) ?? log.client ?? 'unknown';
    log.client = clientName;
    const { handleMcpRequest } = await mcpModule();
    return handleMcpRequest(request, body.parsed, {
      principal,
      resourceUrl: config.resourceUrl,
      clientName,
      toolNames: body.summary.tools,
      wiki,
      author: once(() => authorOf(principal)),
      writeRefusal: refusalMessage(config.policy, principal.email ?? principal.sub, 'write'),
      onError: (where, error) => logError(sink, where, error),
    });
  };

  const route = async (request: Request, url: URL, log: Partial<RequestLog>): Promise<Response> => {
    if (url.pathname === config.mcpPath) {
      log.route = `${request.method} ${config.mcpPath}`;
      return handleMcp(request, log);
    }
    if (url.pathname === '/.well-known' || url.pathname.startsWith('/.well-known/')) {
      const upstreamUrl = upstream.get(url.pathname);
      const known = prmPaths.has(url.pathname) || upstreamUrl !== undefined;
      log.route = known ? `${request.method} ${url.pathname}` : `${request.method} /.well-known/*`;
      if (!known) return jsonError(404, 'not_found', `No discovery document at ${url.pathname}.`);
      if (request.method === 'OPTIONS') return preflight(WELL_KNOWN_METHODS);
      if (request.method !== 'GET') return methodNotAllowed(WELL_KNOWN_METHODS);
      return upstreamUrl ? forward(upstreamUrl) : servePrm();
    }
    log.route = `${request.method} *`;
    return jsonError(404, 'not_found', `Nothing here. The MCP endpoint is ${config.resourceUrl}.`);
  };

  return {
    async fetch(request) {
      // hrtime, not performance.now(): the `performance` global loads perf_hooks on first use (~1 ms cold).
      const started = process.hrtime.bigint();
      const url = new URL(request.url);
      const log: Partial<RequestLog> = { method: request.method, route: `${request.method} *` };
      let response: Response;
      try {
        response = await route(request, url, log);
      } catch (error) {
        logError(sink, 'request failed', error);
        response = jsonError(500, 'internal_error', 'The server failed to handle this request.');
      }
      logRequest(sink, {
        ...log,
        method: request.method,
        route: log.route!,
        status: response.status,
        latencyMs: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
      });
      return withCors(response);
    },
  };
}

function summarize(log: Partial<RequestLog>, summary: JsonRpcSummary): void {
  if (summary.methods.length > 0) log.rpc = summary.methods;
  if (summary.tools.length > 0) log.tools = summary.tools;
}

/** The wiki of `config`, with semantic search on Bedrock when `BEDROCK_*` is set (both loaded on first use). */
async function openWiki(config: WikibotConfig, aws: AwsAccess | undefined): Promise<WikiApi> {
  const { Wiki } = await import('@wikibot/wiki-core');
  const embeddings = config.embeddings && (await import('@wikibot/bedrock')).titanEmbeddingsFor(config.embeddings, aws);
  return Wiki.open({
    dir: config.dataDir,
    embeddings: embeddings || undefined,
    retainPageNameCase: config.retainPageNameCase,
  });
}
