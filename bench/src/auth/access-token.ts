/**
 * @module Gets a bearer token for an MCP URL the way an MCP client does, without a browser: the MCP SDK's
 * own `auth()` does discovery from the protected-resource metadata, dynamic client registration, PKCE and
 * the token exchange; {@link followAuthorization} plays the user at the sign-in and consent forms.
 * Used by the bench and the soak alike.
 */
import { auth, type OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { followAuthorization, type SignInIdentity } from './follow-authorization.js';

// Never contacted: the code is read off the Location header before any request goes there.
const REDIRECT_URI = 'http://127.0.0.1:9/bench-callback';

class MemoryProvider implements OAuthClientProvider {
  private client?: OAuthClientInformationMixed;
  private saved?: OAuthTokens;
  private verifier = '';
  authorizationUrl?: URL;

  get redirectUrl(): string {
    return REDIRECT_URI;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'wikibot-bench',
      redirect_uris: [REDIRECT_URI],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.client;
  }
  saveClientInformation(info: OAuthClientInformationMixed): void {
    this.client = info;
  }
  tokens(): OAuthTokens | undefined {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens): void {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL): void {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }
  codeVerifier(): string {
    return this.verifier;
  }
}

/** Signs `identity` in through the MCP server's authorization server and returns an access token. */
export async function getAccessToken(mcpUrl: string, identity: SignInIdentity): Promise<string> {
  const provider = new MemoryProvider();
  const first = await auth(provider, { serverUrl: mcpUrl });
  if (first === 'REDIRECT') {
    if (!provider.authorizationUrl) throw new Error('the authorization server gave no authorization URL');
    const code = await followAuthorization(provider.authorizationUrl, REDIRECT_URI, identity);
    const second = await auth(provider, { serverUrl: mcpUrl, authorizationCode: code });
    if (second !== 'AUTHORIZED') throw new Error(`token exchange did not authorize (${second})`);
  }
  const token = provider.tokens()?.access_token;
  if (!token) throw new Error('no access token issued');
  return token;
}
