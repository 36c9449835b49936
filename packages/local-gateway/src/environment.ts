/**
 * @module A function's environment on this machine: exactly what the stack gives it, overridden only
 * where local must differ — the origin, the data directory, the AuthKit issuer and client, the WorkOS
 * API host, the access policy — and with each SSM secret reference (`X_PARAMETER`) replaced by a local
 * literal `X`, which auth-config accepts off Lambda.
 */
import { isTerraformExpression } from '@wikibot/http-api-routes';
import { LocalStackError } from './errors.js';

/** Values the local system supplies. */
export interface LocalOverrides {
  /** `http://localhost:<port>`. */
  publicOrigin: string;
  /** The wiki's git repository. */
  wikiDataDir: string;
  /** The stand-in's issuer. */
  authkitDomain: string;
  /** The wiki's OIDC client registered in the stand-in. */
  authkitClientId: string;
  /** Base URL of the WorkOS API fake. */
  workosApiHostname: string;
  /** `ACCESS_POLICY` JSON. */
  accessPolicy: string;
  /** Local values for secrets the stack binds from SSM, by variable name (`SESSION_SECRET`, ...). */
  secrets: Readonly<Record<string, string>>;
  /** Further variables for this function only (e.g. `MCP_API_KEY` for the MCP function). */
  extra?: Readonly<Record<string, string>>;
  /**
   * The local Bedrock stand-in's URL, handed over as `BEDROCK_ENDPOINT`. Without one, the stack's
   * `BEDROCK_*` settings are dropped (semantic search falls back to keywords) so nothing local calls AWS.
   */
  bedrockEndpoint?: string;
}

/** Variables a Lambda runtime sets itself and the local worker mirrors. */
function runtimeVariables(taskRoot: string): Record<string, string> {
  return { LAMBDA_TASK_ROOT: taskRoot, TZ: 'UTC' };
}

/**
 * Builds the environment of one function from the stack's variables and the local overrides.
 * Throws when the stack leaves a variable as a Terraform expression that local cannot resolve.
 *
 * @example
 * ```ts
 * localEnvironment('mcp', '/tmp/task', { PUBLIC_ORIGIN: 'https://dev.wikibot.io', SESSION_SECRET_PARAMETER: '/x' }, overrides);
 * // { PUBLIC_ORIGIN: 'http://localhost:8787', SESSION_SECRET: '<local value>', ... }
 * ```
 */
export function localEnvironment(
  functionName: string,
  taskRoot: string,
  stackEnvironment: Readonly<Record<string, string>>,
  overrides: LocalOverrides,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(stackEnvironment)) {
    const secret = /^(.+)_PARAMETER$/.exec(key)?.[1];
    if (secret) {
      const local = overrides.secrets[secret];
      if (local === undefined)
        throw new LocalStackError(`${functionName}: no local value for secret ${secret} (the stack binds ${key})`);
      env[secret] = local;
      continue;
    }
    env[key] = value;
  }
  if (overrides.bedrockEndpoint) env.BEDROCK_ENDPOINT = overrides.bedrockEndpoint;
  else for (const key of Object.keys(env).filter((k) => k.startsWith('BEDROCK_'))) delete env[key];
  Object.assign(env, {
    PUBLIC_ORIGIN: overrides.publicOrigin,
    WIKI_DATA_DIR: overrides.wikiDataDir,
    AUTHKIT_DOMAIN: overrides.authkitDomain,
    AUTHKIT_CLIENT_ID: overrides.authkitClientId,
    WORKOS_API_HOSTNAME: overrides.workosApiHostname,
    ACCESS_POLICY: overrides.accessPolicy,
    WIKIBOT_ENV: 'local',
    ...overrides.extra,
  });
  // Worker threads ignore NODE_OPTIONS (the stack sets none today).
  delete env.NODE_OPTIONS;
  const unresolved = Object.entries(env).find(([, v]) => isTerraformExpression(v));
  if (unresolved) {
    throw new LocalStackError(
      `${functionName}: ${unresolved[0]}=${unresolved[1]} is a Terraform expression the local gateway cannot resolve`,
    );
  }
  return { ...env, ...runtimeVariables(taskRoot) };
}
