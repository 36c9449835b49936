/**
 * @module Signing people in with OpenID Connect against AuthKit (or the local stand-in): authorization
 * code flow with PKCE (S256), `state` and `nonce` checked, the ID token verified against the issuer's
 * keys with the client id as audience. Discovery is read once per container from the issuer's
 * `/.well-known/openid-configuration`.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth
 * @see https://www.rfc-editor.org/rfc/rfc7636 (PKCE)
 */
import { createHash } from 'node:crypto';
import type { AuthkitConfig } from '@wikibot/auth-config';
import type { TokenVerifier, VerifiedToken } from '@wikibot/identity';
import { HttpError } from '../http/http-error.js';
import { randomToken, type LoginAttempt } from './session.js';

interface Discovery {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly token_endpoint_auth_methods_supported?: readonly string[];
}

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

/** The sign-in flow's two halves. */
export interface OidcClient {
  /** Starts a sign-in: the URL to send the browser to, and what to remember until the callback. */
  begin(returnTo: string): Promise<{ url: string; attempt: LoginAttempt }>;
  /** Finishes it: checks `state`, redeems the code, verifies the ID token and its nonce. */
  complete(params: URLSearchParams, attempt: LoginAttempt): Promise<VerifiedToken>;
}

const unavailable = (detail: string, cause?: unknown) =>
  new HttpError(502, 'idp_unavailable', `The sign-in service could not be reached (${detail}). Try again in a moment.`, { cause });

/** Creates the client once per container. */
export function createOidcClient(options: OidcClientOptions): OidcClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const { issuer, openIdConfigurationUrl, clientId } = options.authkit;
  let discovery: Promise<Discovery> | undefined;

  const discover = (): Promise<Discovery> => {
    discovery ??= (async () => {
      let doc: Record<string, unknown>;
      try {
        const response = await fetchImpl(openIdConfigurationUrl, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        doc = (await response.json()) as Record<string, unknown>;
      } catch (cause) {
        throw unavailable('discovery failed', cause);
      }
      if (doc.issuer !== issuer) throw unavailable(`discovery names issuer ${String(doc.issuer)}`);
      for (const key of ['authorization_endpoint', 'token_endpoint'] as const) {
        if (typeof doc[key] !== 'string' || !/^https?:\/\//.test(doc[key] as string)) throw unavailable(`discovery lacks ${key}`);
      }
      return doc as unknown as Discovery;
    })();
    discovery.catch(() => {
      discovery = undefined;
    });
    return discovery;
  };

  return {
    async begin(returnTo) {
      const endpoints = await discover();
      const attempt: LoginAttempt = { state: randomToken(), nonce: randomToken(), codeVerifier: randomToken(), returnTo };
      const url = new URL(endpoints.authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: options.redirectUri,
        scope: 'openid profile email',
        state: attempt.state,
        nonce: attempt.nonce,
        code_challenge: createHash('sha256').update(attempt.codeVerifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString();
      return { url: url.toString(), attempt };
    },

    async complete(params, attempt) {
      const error = params.get('error');
      if (error) {
        const status = error === 'access_denied' ? 403 : 400;
        throw new HttpError(status, 'sign_in_failed', `Sign-in did not complete (${error.slice(0, 100)}).`);
      }
      const state = params.get('state') ?? '';
      const code = params.get('code') ?? '';
      if (!code || state !== attempt.state) {
        throw new HttpError(400, 'sign_in_failed', 'This sign-in link is not the one this browser started. Sign in again.');
      }
      const endpoints = await discover();
      const body = new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: options.redirectUri,
        client_id: clientId,
        code_verifier: attempt.codeVerifier,
      });
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
      const secret = await options.clientSecret?.();
      if (secret) {
        const methods = endpoints.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
        if (methods.includes('client_secret_basic')) {
          const enc = (v: string) => encodeURIComponent(v);
          headers.authorization = `Basic ${Buffer.from(`${enc(clientId)}:${enc(secret)}`).toString('base64')}`;
        } else body.set('client_secret', secret);
      }
      let response: Response;
      try {
        response = await fetchImpl(endpoints.token_endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      } catch (cause) {
        throw unavailable('token request failed', cause);
      }
      const tokens = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
      if (!response.ok) {
        if (response.status >= 500) throw unavailable(`token endpoint answered ${response.status}`);
        throw new HttpError(400, 'sign_in_failed', `Sign-in was refused (${String(tokens.error ?? response.status).slice(0, 100)}). Sign in again.`);
      }
      if (typeof tokens.id_token !== 'string') throw unavailable('no ID token in the token response');
      return options.idTokenVerifier.verify(tokens.id_token, { nonce: attempt.nonce });
    },
  };
}
