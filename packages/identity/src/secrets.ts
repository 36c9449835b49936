/**
 * @module Reads secrets named by a {@link SecretRef}: a literal (a developer's machine) or an SSM
 * Parameter Store SecureString, fetched with one SigV4-signed `GetParameter` call (no AWS SDK in the
 * bundle) and cached per container.
 * @see https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html
 */
import type { SecretRef } from '@wikibot/auth-config';
import { SecretUnavailableError } from './errors.js';
import { TtlCache } from './ttl-cache.js';

/** The Lambda execution role's credentials and region (from the runtime's environment). */
export interface AwsAccess {
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Options of {@link createSecretResolver}. */
export interface SecretResolverOptions {
  /** Credentials for SSM; required only when an `ssm` reference is resolved. */
  readonly aws?: AwsAccess;
  /** SSM endpoint; defaults to `https://ssm.<region>.amazonaws.com/` (tests point it at a local server). */
  readonly endpoint?: string;
  /** How long a value is kept (default 15 minutes), so a rotated secret is picked up without a redeploy. */
  readonly ttlMs?: number;
}

/** Resolves secret references; see {@link createSecretResolver}. */
export interface SecretResolver {
  /** The secret's value. Throws {@link SecretUnavailableError} when it cannot be read. */
  resolve(ref: SecretRef): Promise<string>;
}

/**
 * The credentials Lambda puts in its environment, or undefined off Lambda. The handler's entry passes its
 * environment in; nothing else reads `process.env`.
 *
 * @example
 * ```ts
 * const secrets = createSecretResolver({ aws: awsAccessFromEnv(process.env) });
 * ```
 */
export function awsAccessFromEnv(env: Readonly<Record<string, string | undefined>>): AwsAccess | undefined {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region || !env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) return undefined;
  return {
    region,
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    sessionToken: env.AWS_SESSION_TOKEN || undefined,
  };
}

/**
 * Creates a resolver, once per container. Values are cached, and concurrent reads of one parameter share
 * one request.
 */
export function createSecretResolver(options: SecretResolverOptions = {}): SecretResolver {
  const cache = new TtlCache<string>({ ttlMs: options.ttlMs ?? 15 * 60_000, maxEntries: 32 });
  return {
    resolve(ref) {
      if (ref.kind === 'value') return Promise.resolve(ref.value);
      return cache.get(ref.name, () => getParameter(ref.name, options));
    },
  };
}

async function getParameter(name: string, options: SecretResolverOptions): Promise<string> {
  const aws = options.aws;
  if (!aws)
    throw new SecretUnavailableError(
      name,
      'no AWS credentials to read it with (AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)',
    );
  // Loaded only when a secret is read, so requests that need none (discovery) never load the signer.
  const { AwsClient } = await import('aws4fetch');
  const client = new AwsClient({ ...aws, service: 'ssm', region: aws.region, retries: 1 });
  const endpoint = options.endpoint ?? `https://ssm.${aws.region}.amazonaws.com/`;
  let response: Response;
  try {
    response = await client.fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.GetParameter' },
      body: JSON.stringify({ Name: name, WithDecryption: true }),
      signal: AbortSignal.timeout(5000),
    });
  } catch (cause) {
    throw new SecretUnavailableError(name, 'SSM could not be reached', { cause });
  }
  const body = (await response.json().catch(() => ({}))) as {
    Parameter?: { Value?: unknown };
    __type?: string;
    message?: string;
  };
  if (!response.ok) {
    // SSM names the fault in __type, e.g. "ParameterNotFound" or "AccessDeniedException".
    const type = body.__type?.split('#').pop() ?? `HTTP ${response.status}`;
    throw new SecretUnavailableError(name, `SSM refused GetParameter (${type})`);
  }
  const value = body.Parameter?.Value;
  if (typeof value !== 'string' || !value) throw new SecretUnavailableError(name, 'SSM returned no value');
  return value;
}
