/**
 * @module The whole system on one machine: the AuthKit stand-in, the wiki's data directory, and the
 * gateway serving the synthesized dev stack's routes with each function's packaged artifact.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startAuthkitStandin, type AuthkitStandin } from '@wikibot/authkit-standin';
import { startBedrockStandin, type BedrockStandin } from '@wikibot/bedrock-standin';
import { readRouteTable, type ResolvedRoute, type RouteTable } from '@wikibot/http-api-routes';
import { Wiki } from '@wikibot/wiki-core';
import { unpackArtifact } from './artifact-cache.js';
import { localEnvironment } from './environment.js';
import { LocalStackError } from './errors.js';
import { FunctionPool } from './function-pool.js';
import { startGateway, type Gateway } from './gateway.js';
import { DEFAULT_AUTH_PORT, DEFAULT_PORT, LOCAL_ACCESS_POLICY, localStateDir } from './config.js';
import { inspectDataDir } from './data-dir.js';
import { adoptLegacyState } from './legacy-state.js';
import { SettingsError } from './errors.js';
import { loadLocalSecrets } from './local-secrets.js';
import { importMarkdownFolder, type ImportSummary } from './markdown-import.js';
import { portConflictMessage } from './port-check.js';
import { DEFAULT_WIKI_DATA_DIR, DEV_STACK_FILE } from './paths.js';

/** The wiki's OIDC client id in the stand-in. */
export const LOCAL_WIKI_CLIENT_ID = 'wikibot-local-wiki';

/** Browser pages besides the wiki's own that may call `/mcp` locally: MCP Inspector's page (2.x opens 127.0.0.1). */
export const LOCAL_MCP_ALLOWED_ORIGINS = 'http://localhost:6274,http://127.0.0.1:6274';

/** The region the local Bedrock stand-in answers for (any works; the client signs for it). */
const LOCAL_BEDROCK_REGION = 'us-east-1';

/** Options of {@link startLocalSystem}. */
export interface LocalSystemOptions {
  /** Gateway port; default 8787; 0 picks a free one. */
  port?: number;
  /** Stand-in port; default 8788; 0 picks a free one. */
  authPort?: number;
  /**
   * The wiki's git repository (`WIKI_DATA_DIR`); default `<repo>/.data/wiki`. Created when missing; a folder of
   * Markdown files is imported as the first commit; anything else is refused ({@link SettingsError}).
   */
  dataDir?: string;
  /** Stand-in keys/clients and local secrets; default per user and data directory ({@link localStateDir}). */
  stateDir?: string;
  /** The synthesized stack; default `<repo>/cdktf.out/stacks/dev/cdk.tf.json`. */
  stackFile?: string;
  /** A parsed `cdk.tf.json` to serve instead of reading `stackFile` (artifacts still resolve next to `stackFile`). */
  stack?: unknown;
  /** Sign in as this email without the sign-in page (`AUTH_DEV_AUTO_LOGIN`). */
  autoLoginEmail?: string;
  /** `ACCESS_POLICY` for both functions, JSON text or object; default {@link LOCAL_ACCESS_POLICY}. */
  accessPolicy?: string | object;
  /** `MCP_ALLOWED_ORIGINS` (comma-separated); default {@link LOCAL_MCP_ALLOWED_ORIGINS}. */
  mcpAllowedOrigins?: string;
  /** WorkOS organization memberships in the stand-in's API fake. */
  organizations?: Record<string, string[]>;
  /**
   * Most concurrent executions (workers) per function. Default 2: one stays warm, a second starts only
   * while requests wait behind a long invocation and stops when idle (see {@link FunctionPool}).
   */
  concurrency?: number;
  /**
   * Start the Bedrock stand-in and point both functions at it (default true). Off, semantic search answers with
   * keyword results and a note, as on a stack without `BEDROCK_REGION`.
   */
  semanticSearch?: boolean;
  /** Where to report function failures; default one JSON line on stderr. */
  onError?: (error: unknown, route: ResolvedRoute | undefined) => void;
}

/** A running local system. */
export interface LocalSystem {
  /** `http://localhost:<port>`: the wiki. */
  readonly url: string;
  /** `http://localhost:<port>/mcp`. */
  readonly mcpUrl: string;
  /** The stand-in's issuer. */
  readonly issuer: string;
  readonly port: number;
  readonly dataDir: string;
  /** Where the secrets and the stand-in's state are kept. */
  readonly stateDir: string;
  /** What was imported from the data directory on this start, if it was a folder of Markdown files. */
  readonly imported?: ImportSummary;
  /** Where the state was moved from on this start (an earlier version kept it beside the data directory). */
  readonly stateMovedFrom?: string;
  /** Static MCP key (Bearer) for clients without OAuth. */
  readonly mcpApiKey: string;
  readonly authkit: AuthkitStandin;
  /** The Bedrock stand-in semantic search embeds through (`BEDROCK_ENDPOINT` of both functions), unless turned off. */
  readonly bedrock?: BedrockStandin;
  readonly routes: readonly ResolvedRoute[];
  close(): Promise<void>;
}

function loadStack(options: LocalSystemOptions, stackFile: string): RouteTable {
  let json = options.stack;
  if (json === undefined) {
    try {
      json = JSON.parse(readFileSync(stackFile, 'utf8'));
    } catch (cause) {
      throw new LocalStackError(
        `cannot read the synthesized stack ${stackFile}: run \`npm run build && npm run synth\` (or \`npm start\`)`,
        { cause },
      );
    }
  }
  return readRouteTable(json, { stackDir: dirname(stackFile) });
}

/** A taken port, said with the variable to change and whether it is a wikibot already running. */
async function explainListenError(error: unknown, variable: 'PORT' | 'AUTH_PORT', port: number): Promise<never> {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  throw new SettingsError(await portConflictMessage(variable, port), { cause: error });
}

function defaultOnError(error: unknown, route: ResolvedRoute | undefined): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: 'integration failed (502)', route: route?.routeKey, error: message })}\n`,
  );
}

/**
 * Starts the stand-in and the gateway, and initialises the data directory.
 *
 * @example
 * ```ts
 * const local = await startLocalSystem({ port: 0, authPort: 0, dataDir: '/tmp/wiki' });
 * await fetch(`${local.url}/.well-known/oauth-protected-resource/mcp`);
 * await local.close();
 * ```
 */
export async function startLocalSystem(options: LocalSystemOptions = {}): Promise<LocalSystem> {
  const stackFile = resolve(options.stackFile ?? DEV_STACK_FILE);
  const table = loadStack(options, stackFile);
  const dataDir = resolve(options.dataDir ?? DEFAULT_WIKI_DATA_DIR);
  const stateDir = resolve(options.stateDir ?? localStateDir(dataDir));
  const movedFrom = await adoptLegacyState(dataDir, stateDir);
  const plan = inspectDataDir(dataDir);
  const imported = plan.kind === 'import' ? await importMarkdownFolder(dataDir, plan) : undefined;
  const secrets = loadLocalSecrets(join(stateDir, 'local-secrets.json'));
  const accessPolicy =
    typeof options.accessPolicy === 'object'
      ? JSON.stringify(options.accessPolicy)
      : (options.accessPolicy ?? LOCAL_ACCESS_POLICY);
  const onError = options.onError ?? defaultOnError;

  // The gateway listens first: its port is part of the origin every function is configured with.
  const pools = new Map<string, FunctionPool>();
  let ready: Promise<void> = Promise.resolve();
  const port = options.port ?? DEFAULT_PORT;
  const gateway: Gateway = await startGateway<ResolvedRoute>({
    routes: table.routes,
    port,
    onError,
    invoke: async (route, event) => {
      await ready;
      const pool = pools.get(route.integration.function.address);
      if (!pool) throw new LocalStackError(`no function for ${route.routeKey}`);
      return pool.invoke(event);
    },
  }).catch((error: unknown) => explainListenError(error, 'PORT', port));
  const origin = `http://localhost:${gateway.port}`;
  let authkit: AuthkitStandin | undefined;
  let bedrock: BedrockStandin | undefined;
  try {
    const authPort = options.authPort ?? DEFAULT_AUTH_PORT;
    // Semantic search's model, behind Bedrock's wire format; it loads the model on the first embedding only.
    if (options.semanticSearch !== false) bedrock = await startBedrockStandin({ region: LOCAL_BEDROCK_REGION });
    const bedrockEnvironment: Record<string, string> = bedrock
      ? {
          // The production Bedrock client, pointed at the stand-in, signing with placeholder credentials as
          // the Lambda runtime would supply real ones.
          BEDROCK_REGION: LOCAL_BEDROCK_REGION,
          BEDROCK_ENDPOINT: bedrock.url,
          AWS_REGION: LOCAL_BEDROCK_REGION,
          AWS_ACCESS_KEY_ID: 'AKIDLOCALSTANDIN',
          AWS_SECRET_ACCESS_KEY: 'local-stand-in-accepts-any-signature',
        }
      : {};
    authkit = await startAuthkitStandin({
      port: authPort,
      dataDir: join(stateDir, 'authkit'),
      autoLoginEmail: options.autoLoginEmail,
      organizations: options.organizations,
      clients: [
        {
          client_id: LOCAL_WIKI_CLIENT_ID,
          client_secret: secrets.wikiClientSecret,
          client_name: 'wikibot wiki (local)',
          redirect_uris: [`${origin}/-/auth/callback`],
          post_logout_redirect_uris: [`${origin}/`],
        },
      ],
    }).catch((error: unknown) => explainListenError(error, 'AUTH_PORT', authPort));
    const standin = authkit;
    ready = (async () => {
      await Wiki.open({ dir: dataDir });
      const functions = new Map(table.routes.map((r) => [r.integration.function.address, r.integration.function]));
      const wikiFunction = table.routes.find((r) => r.routeKey === '$default')?.integration.function.address;
      for (const [address, fn] of functions) {
        if (!fn.artifact.absolutePath) throw new LocalStackError(`${address}: artifact path unknown`);
        const taskRoot = await unpackArtifact(fn.artifact.absolutePath);
        const environment = localEnvironment(address, taskRoot, fn.environment, {
          publicOrigin: origin,
          wikiDataDir: dataDir,
          authkitDomain: standin.issuer,
          authkitClientId: LOCAL_WIKI_CLIENT_ID,
          workosApiHostname: standin.workosApiUrl,
          accessPolicy,
          secrets: {
            WORKOS_API_KEY: standin.workosApiKey,
            SESSION_SECRET: secrets.sessionSecret,
            MCP_API_KEY: secrets.mcpApiKey,
            AUTHKIT_CLIENT_SECRET: secrets.wikiClientSecret,
          },
          // Locally the wiki always signs people in with its stand-in client, and both functions take
          // the static key `npm start` prints (MCP and the REST API), even where the stack binds none.
          extra: {
            MCP_API_KEY: secrets.mcpApiKey,
            MCP_ALLOWED_ORIGINS: options.mcpAllowedOrigins ?? LOCAL_MCP_ALLOWED_ORIGINS,
            ...bedrockEnvironment,
            ...(address === wikiFunction
              ? { AUTHKIT_CLIENT_SECRET: secrets.wikiClientSecret, SESSION_SECRET: secrets.sessionSecret }
              : {}),
          },
        });
        pools.set(
          address,
          new FunctionPool({
            functionName: fn.functionName && !fn.functionName.includes('${') ? fn.functionName : address,
            taskRoot,
            handler: fn.handler,
            environment,
            timeoutSec: Math.min(fn.timeout, 30),
            memorySize: fn.memorySize,
            size: options.concurrency,
          }),
        );
      }
    })();
    await ready;
  } catch (error) {
    await Promise.all([...pools.values()].map((p) => p.close()));
    await authkit?.close();
    await bedrock?.close();
    await gateway.close();
    throw error;
  }

  return {
    url: origin,
    mcpUrl: `${origin}/mcp`,
    issuer: authkit.issuer,
    port: gateway.port,
    dataDir,
    stateDir,
    imported,
    stateMovedFrom: movedFrom,
    mcpApiKey: secrets.mcpApiKey,
    authkit,
    bedrock,
    routes: table.routes,
    close: async () => {
      await gateway.close();
      await Promise.all([...pools.values()].map((p) => p.close()));
      await authkit?.close();
      await bedrock?.close();
    },
  };
}
