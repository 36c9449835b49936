/**
 * @module Verifies JWTs issued by the authorization server (WorkOS AuthKit or its local stand-in): MCP
 * access tokens (audience = the resource URL), the wiki's REST bearer tokens, and OIDC ID tokens
 * (audience = the client id). Signature against the issuer's JWKS, an asymmetric-only algorithm
 * allowlist, `iss` exact, `aud` containing the audience, `exp`/`nbf`/`iat` with a small clock skew.
 * The header's `typ` is not checked: the audience already tells an access token (`aud` = the resource
 * URL) from an ID token (`aud` = the client id), and AuthKit does not document the `typ` it sets.
 * @see https://www.rfc-editor.org/rfc/rfc9068 (JWT access tokens)
 * @see https://www.rfc-editor.org/rfc/rfc8725 (JWT best current practices)
 */
import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { authorizationServerMetadataUrl } from '@wikibot/auth-config';
import { InvalidTokenError, VerifierUnavailableError } from './errors.js';

/** Asymmetric signature algorithms accepted by default. `none` and HMAC (`HS*`) can never be allowed. */
export const DEFAULT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

/** Options of {@link createTokenVerifier}. */
export interface TokenVerifierOptions {
  /** The issuer; every token's `iss` must equal it exactly. */
  readonly issuer: string;
  /** The token's `aud` must contain this value (or one of these): the MCP resource URL, or an OIDC client id. */
  readonly audience: string | readonly string[];
  /** The JWKS URL; when absent it is discovered once from `metadataUrl`. */
  readonly jwksUrl?: string;
  /** Where to discover `jwks_uri`; defaults to the issuer's RFC 8414 metadata URL. */
  readonly metadataUrl?: string;
  /** The fetch used for metadata and JWKS (tests, instrumentation); defaults to the global fetch. */
  readonly fetch?: typeof globalThis.fetch;
  /** Allowed clock skew for `exp`/`nbf`/`iat`, in seconds (default 30). */
  readonly clockToleranceSec?: number;
  /** Allowed `alg` values (default {@link DEFAULT_ALGORITHMS}); symmetric algorithms are refused. */
  readonly algorithms?: readonly string[];
  /**
   * After a JWKS fetch, how long a token naming an unknown `kid` is refused without refetching (default
   * 30 s, jose's): a rotated key is picked up, a flood of made-up kids cannot hammer the issuer.
   */
  readonly jwksCooldownMs?: number;
  /** Timeout of each metadata or JWKS request in ms (default 5000). */
  readonly timeoutMs?: number;
  /**
   * How many verified tokens to remember (default 1000; 0 disables), so a client's repeated requests skip
   * the signature check. An entry lives until the token expires, at most 5 minutes.
   */
  readonly cacheMaxEntries?: number;
}

/** What a verified token says about its bearer. */
export interface VerifiedToken {
  /** The subject (a WorkOS user id, `user_...`). */
  readonly sub: string;
  readonly email?: string;
  /** The `email_verified` claim when present. */
  readonly emailVerified?: boolean;
  readonly name?: string;
  /** From `scope` (space-separated) or `scp` (array). */
  readonly scopes: readonly string[];
  /** The OAuth client the token was issued to (`client_id`, else `azp`). */
  readonly clientId?: string;
  /** `exp`, in seconds since the epoch. */
  readonly expiresAt: number;
  /** All claims, for callers that need more (e.g. `org_id`, `sid`). */
  readonly claims: Readonly<JWTPayload>;
}

/** Checks tokens; see {@link createTokenVerifier}. */
export interface TokenVerifier {
  /**
   * Verifies `token` fully. Throws {@link InvalidTokenError} for any token that is not acceptable and
   * {@link VerifierUnavailableError} when the issuer's keys cannot be fetched.
   * @param options.nonce - for OIDC ID tokens: the `nonce` the token must carry
   */
  verify(token: string, options?: { nonce?: string }): Promise<VerifiedToken>;
}

const TOKEN_FAULTS = new Set([
  errors.JWTExpired.code,
  errors.JWTClaimValidationFailed.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWSInvalid.code,
  errors.JWTInvalid.code,
]);

/**
 * Creates a verifier, once per container: the JWKS location is discovered on first use and cached, and
 * jose's remote key set refetches once (with a cooldown) when a token names an unknown `kid`.
 *
 * @example
 * ```ts
 * const verifier = createTokenVerifier({ issuer: config.authkit.issuer, audience: config.resourceUrl });
 * const { sub, scopes } = await verifier.verify(bearer);
 * ```
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const algorithms = [...(options.algorithms ?? DEFAULT_ALGORITHMS)];
  const unsafe = algorithms.filter((alg) => alg === 'none' || /^HS/i.test(alg) || alg.toLowerCase() === 'dir');
  if (unsafe.length > 0 || algorithms.length === 0) {
    throw new TypeError(
      `Token verifier: algorithms must be asymmetric signature ` +
        `algorithms; refused ${unsafe.join(', ') || 'an empty list'}`,
    );
  }
  const issuer = options.issuer;
  const audiences = typeof options.audience === 'string' ? [options.audience] : [...options.audience];
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  const metadataUrl = options.metadataUrl ?? authorizationServerMetadataUrl(issuer);
  const clockTolerance = options.clockToleranceSec ?? 30;
  const cacheMaxEntries = options.cacheMaxEntries ?? 1000;
  const verified = new Map<string, { token: VerifiedToken; until: number }>();
  let keys: Promise<JWTVerifyGetKey> | undefined;

  const keySet = (): Promise<JWTVerifyGetKey> => {
    keys ??= (async () => {
      const jwksUrl = options.jwksUrl ?? (await discoverJwksUri(metadataUrl, issuer, fetchImpl, timeoutMs));
      return createRemoteJWKSet(new URL(jwksUrl), {
        timeoutDuration: timeoutMs,
        cooldownDuration: options.jwksCooldownMs ?? 30_000,
        [customFetch]: (url, init) => fetchImpl(url, init),
      });
    })();
    keys.catch(() => {
      keys = undefined;
    });
    return keys;
  };

  return {
    async verify(token, verifyOptions = {}) {
      if (typeof token !== 'string' || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) {
        throw new InvalidTokenError('The token is not a JWT');
      }
      const now = Date.now() / 1000;
      const hit = verifyOptions.nonce === undefined ? verified.get(token) : undefined;
      if (hit && hit.until > now) return hit.token;
      if (hit) verified.delete(token);
      const getKey = await keySet();
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, getKey, {
          issuer,
          audience: audiences,
          algorithms,
          clockTolerance,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (error) {
        throw classify(error, audiences);
      }
      if (typeof payload.sub !== 'string' || !payload.sub) throw new InvalidTokenError('The token has no subject');
      // jose checks `iat` only against a maximum age; a token stamped in the future is a forgery or a broken
      // issuer clock, and would outlive any age limit put on it later.
      if (typeof payload.iat === 'number' && payload.iat > now + clockTolerance) {
        throw new InvalidTokenError('The token was issued in the future');
      }
      if (verifyOptions.nonce !== undefined && payload.nonce !== verifyOptions.nonce) {
        throw new InvalidTokenError('The ID token does not carry the expected nonce');
      }
      const result = toVerifiedToken(payload);
      if (verifyOptions.nonce === undefined && cacheMaxEntries > 0) {
        verified.set(token, { token: result, until: Math.min(result.expiresAt + clockTolerance, now + 300) });
        if (verified.size > cacheMaxEntries) verified.delete(verified.keys().next().value as string);
      }
      return result;
    },
  };
}

async function discoverJwksUri(
  metadataUrl: string,
  issuer: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<string> {
  let metadata: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetchImpl(metadataUrl, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    metadata = (await response.json()) as typeof metadata;
  } catch (cause) {
    throw new VerifierUnavailableError(`Could not read the authorization server metadata at ${metadataUrl}`, { cause });
  }
  // RFC 8414 §3.3: the metadata must name the issuer it was fetched for.
  if (metadata.issuer !== issuer) {
    throw new VerifierUnavailableError(
      `The metadata at ${metadataUrl} names issuer ${String(metadata.issuer)}, not ${issuer}`,
    );
  }
  if (typeof metadata.jwks_uri !== 'string' || !/^https?:\/\//.test(metadata.jwks_uri)) {
    throw new VerifierUnavailableError(`The metadata at ${metadataUrl} has no jwks_uri`);
  }
  return metadata.jwks_uri;
}

function classify(error: unknown, audiences: readonly string[]): Error {
  const code = (error as { code?: string } | undefined)?.code;
  if (!code || !TOKEN_FAULTS.has(code)) {
    return new VerifierUnavailableError("Could not fetch the issuer's signing keys", { cause: error });
  }
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('The token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return new InvalidTokenError('The token was issued by another authorization server');
      case 'aud':
        // AuthKit falls back to an environment-wide audience when the resource indicator is not configured.
        return new InvalidTokenError(
          `The token is not meant for ${audiences.join(' or ')}; the authorization server must issue it for this resource ` +
            '(in AuthKit, add this URL as a resource indicator)',
        );
      case 'nbf':
        return new InvalidTokenError('The token is not valid yet');
      default:
        return new InvalidTokenError(`The token's "${error.claim}" claim is missing or invalid`);
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new InvalidTokenError('The token is signed with an algorithm that is not allowed');
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new InvalidTokenError('The token is signed with a key the issuer does not publish');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new InvalidTokenError("The token's signature is invalid");
  return new InvalidTokenError('The token is malformed');
}

function toVerifiedToken(claims: JWTPayload): VerifiedToken {
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);
  const scopes =
    typeof claims.scope === 'string'
      ? claims.scope.split(' ').filter(Boolean)
      : Array.isArray(claims.scp)
        ? claims.scp.filter((s): s is string => typeof s === 'string')
        : [];
  const emailVerified = claims.email_verified;
  return {
    sub: claims.sub as string,
    email: text(claims.email),
    emailVerified: typeof emailVerified === 'boolean' ? emailVerified : undefined,
    name: text(claims.name),
    scopes,
    clientId: text(claims.client_id) ?? text(claims.azp),
    expiresAt: claims.exp as number,
    claims,
  };
}
