/**
 * @module Signing people in with OpenID Connect against AuthKit (or the local stand-in), through
 * openid-client — a certified relying party library, used rather than a hand-written client so the
 * protocol checks are the ones the OpenID Foundation's tests exercise: `state`, PKCE (S256), the
 * authorization response's `iss` (RFC 9207, against mix-up attacks), the ID token's claims and `nonce`.
 * The ID token's signature is then checked by the same JWT verifier the rest of wikibot uses (jose,
 * JWKS): openid-client leaves that check out for tokens fetched from the token endpoint over TLS.
 * openid-client is imported on the first sign-in only, so page views and the REST API never load it.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth
 * @see https://www.rfc-editor.org/rfc/rfc9207
 */
import type { AuthkitConfig } from '@wikibot/auth-config';
import type { TokenVerifier, VerifiedToken } from '@wikibot/identity';
import type { Configuration } from 'openid-client';
import { HttpError } from '../http/http-error.js';
import { memo } from '../lazy.js';
import { randomToken, type LoginAttempt } from './session.js';

/** Options of {@link createOidcClient}. */
export interface OidcClientOptions {
  readonly authkit: AuthkitConfig & { readonly clientId: string };
  /** `<origin>/-/auth/callback`. */
  readonly redirectUri: string;
  /** Verifies ID tokens (audience = the client id). */
  readonly idTokenVerifier: TokenVerifier;
  /** The client secret, for confidential clients. */
  readonly clientSecret?: () => Promise<string | undefined>;
  readonly fetch?: typeof globalThis.fetch;
  readonly timeoutMs?: number;
}

/** The sign-in flow's halves, and the provider's sign-out. */
export interface OidcClient {
  /** Starts a sign-in: the URL to send the browser to, and what to remember until the callback. */
  begin(returnTo: string): Promise<{ url: string; attempt: LoginAttempt }>;
  /** Finishes it: checks the response (`state`, `iss`), redeems the code, verifies the ID token and its nonce. */
  complete(params: URLSearchParams, attempt: LoginAttempt): Promise<VerifiedToken>;
  /**
   * Where to send the browser to end the provider's session too (RP-initiated logout), coming back to
   * `postLogoutRedirectUri`; undefined when the provider advertises no `end_session_endpoint`.
   * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html
   */
  endSessionUrl(postLogoutRedirectUri: string): Promise<string | undefined>;
}

const unavailable = (detail: string, cause?: unknown) =>
  new HttpError(
    502,
    'idp_unavailable',
    `The sign-in service could not be reached (${detail}). Try again in a moment.`,
    { cause },
  );
const refused = (detail: string, cause?: unknown) =>
  new HttpError(400, 'sign_in_failed', `Sign-in was refused (${detail.slice(0, 100)}). Sign in again.`, { cause });

const loadOpenIdClient = memo(() => import('openid-client'));

/** Creates the client once per container; discovery runs on the first sign-in and is kept. */
export function createOidcClient(options: OidcClientOptions): OidcClient {
  const { issuer, clientId } = options.authkit;
  const timeoutSec = Math.ceil((options.timeoutMs ?? 10_000) / 1000);

  const configure = memo(async (): Promise<Configuration> => {
    const client = await loadOpenIdClient();
    const secret = await options.clientSecret?.();
    try {
      return await client.discovery(
        new URL(issuer),
        clientId,
        undefined,
        secret ? client.ClientSecretBasic(secret) : client.None(),
        {
          // Plain http only for the local stand-in on loopback; auth-config refuses it for anything else.
          execute: issuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
          timeout: timeoutSec,
          ...(options.fetch ? { [client.customFetch]: options.fetch } : {}),
        },
      );
    } catch (cause) {
      throw unavailable('discovery failed', cause);
    }
  });

  return {
    async begin(returnTo) {
      const config = await configure();
      const client = await loadOpenIdClient();
      const attempt: LoginAttempt = {
        state: randomToken(),
        nonce: randomToken(),
        codeVerifier: randomToken(),
        returnTo,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: 'openid profile email',
        state: attempt.state,
        nonce: attempt.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(attempt.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, attempt };
    },

    async complete(params, attempt) {
      const error = params.get('error');
      if (error) {
        const status = error === 'access_denied' ? 403 : 400;
        throw new HttpError(status, 'sign_in_failed', `Sign-in did not complete (${error.slice(0, 100)}).`);
      }
      // Checked here as well, before any network call, so a forged callback costs nothing.
      if (!params.get('code') || params.get('state') !== attempt.state) {
        throw new HttpError(
          400,
          'sign_in_failed',
          'This sign-in link is not the one this browser started. Sign in again.',
        );
      }
      const config = await configure();
      const client = await loadOpenIdClient();
      const callback = new URL(options.redirectUri);
      callback.search = params.toString();
      let idToken: string | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: attempt.codeVerifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        });
        idToken = tokens.id_token;
      } catch (cause) {
        throw classify(cause, client);
      }
      if (!idToken) throw unavailable('no ID token in the token response');
      return options.idTokenVerifier.verify(idToken, { nonce: attempt.nonce });
    },

    async endSessionUrl(postLogoutRedirectUri) {
      const config = await configure();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      const client = await loadOpenIdClient();
      return client.buildEndSessionUrl(config, { client_id: clientId, post_logout_redirect_uri: postLogoutRedirectUri })
        .href;
    },
  };
}

/**
 * Maps openid-client's failures: the provider refusing (an error response, a failed check of what it sent)
 * is the browser's problem, 400; the provider unreachable or failing is 502.
 */
function classify(cause: unknown, client: typeof import('openid-client')): HttpError {
  if (cause instanceof client.AuthorizationResponseError) return refused(cause.error, cause);
  if (cause instanceof client.ResponseBodyError) {
    return cause.status >= 500
      ? unavailable(`token endpoint answered ${cause.status}`, cause)
      : refused(cause.error, cause);
  }
  const code = (cause as { code?: unknown }).code;
  if (cause instanceof client.ClientError && typeof code === 'string' && code.startsWith('OAUTH_'))
    return refused(code, cause);
  return unavailable('token request failed', cause);
}
