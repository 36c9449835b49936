/**
 * @module The collaborators only sign-in and the REST API need: the OIDC client and the bearer
 * authenticator, with their token verifiers (and so jose's JWKS and JWT code). The app imports this
 * module on the first request that needs one of them, so a plain page view never loads it.
 */
import type { WikibotConfig } from '@wikibot/auth-config';
import { createTokenVerifier, type AccessResolver, type SecretResolver } from '@wikibot/identity';
import { createBearerAuth, type BearerAuth } from './api/bearer.js';
import { createOidcClient, type OidcClient } from './auth/oidc.js';
import type { WikiAppOptions } from './app.js';

/** What both factories need from the app's options. */
export interface ServiceOptions {
  readonly options: WikiAppOptions;
  readonly secrets: SecretResolver;
}

/** The OIDC client for sign-in (audience of ID tokens = the client id). */
export function createSignInClient({ options, secrets }: ServiceOptions, clientId: string): OidcClient {
  const { config } = options;
  const clientSecret = config.secrets.authkitClientSecret;
  return createOidcClient({
    authkit: { ...config.authkit, clientId },
    redirectUri: `${config.origin}/-/auth/callback`,
    idTokenVerifier:
      options.idTokenVerifier ??
      createTokenVerifier({ issuer: config.authkit.issuer, audience: clientId, fetch: options.fetch }),
    clientSecret: clientSecret ? () => secrets.resolve(clientSecret) : undefined,
    fetch: options.fetch,
  });
}

/** The REST API's authenticator: the MCP API key, or an AuthKit access token for this resource. */
export function createApiAuth({ options, secrets }: ServiceOptions, access: AccessResolver): BearerAuth {
  const config: WikibotConfig = options.config;
  const apiKey = config.secrets.mcpApiKey;
  return createBearerAuth({
    apiKey: apiKey ? () => secrets.resolve(apiKey) : undefined,
    verifier:
      options.accessTokenVerifier ??
      createTokenVerifier({ issuer: config.authkit.issuer, audience: config.resourceUrl, fetch: options.fetch }),
    access,
    origin: config.origin,
    directory: options.directory,
  });
}
