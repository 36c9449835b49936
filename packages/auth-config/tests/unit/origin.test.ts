import { describe, expect, it } from '@jest/globals';
import {
  ConfigError,
  authorizationServerMetadataUrl,
  openIdConfigurationUrl,
  protectedResourceMetadataUrl,
  resolvePublicOrigin,
  resolveResourceUrl,
} from '../../src/index.js';

describe('Function: resolvePublicOrigin', () => {
  it.each([
    ['https://dev.wikibot.io', 'https://dev.wikibot.io'],
    ['https://dev.wikibot.io/', 'https://dev.wikibot.io'],
    ['  https://WIKIBOT.io  ', 'https://wikibot.io'],
    ['https://wikibot.io:8443', 'https://wikibot.io:8443'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:9000/', 'http://127.0.0.1:9000'],
  ])('accepts %s as %s', (input, expected) => {
    expect(resolvePublicOrigin(input)).toBe(expected);
  });

  it.each([
    ['https://dev.wikibot.io/mcp', /carries path "\/mcp".*Set PUBLIC_ORIGIN=https:\/\/dev\.wikibot\.io$/],
    ['https://dev.wikibot.io//', /carries path/],
    ['HTTPS://dev.wikibot.io//', /carries path/],
    ['https://dev.wikibot.io/?a=1', /carries a query/],
    ['https://dev.wikibot.io/#x', /carries a fragment/],
    ['https://user:pw@dev.wikibot.io', /carries credentials/],
    ['http://dev.wikibot.io', /must use https/],
    ['ftp://dev.wikibot.io', /must use https/],
    ['dev.wikibot.io', /not a URL|must use https/],
    ['', /is required/],
    [undefined, /is required/],
  ])('refuses %s', (input, message) => {
    // Act
    const act = () => resolvePublicOrigin(input as string | undefined);
    // Assess
    expect(act).toThrow(ConfigError);
    expect(act).toThrow(message);
  });
});

describe('URL derivation', () => {
  it('derives the resource URL exactly once from the origin', () => {
    expect(resolveResourceUrl('https://dev.wikibot.io/')).toBe('https://dev.wikibot.io/mcp');
  });

  it('cannot produce /mcp/mcp: an origin with a path is refused before derivation', () => {
    expect(() => resolveResourceUrl('https://dev.wikibot.io/mcp')).toThrow(ConfigError);
  });

  it('inserts the well-known segment before the resource path (RFC 9728)', () => {
    expect(protectedResourceMetadataUrl('https://dev.wikibot.io/mcp')).toBe(
      'https://dev.wikibot.io/.well-known/oauth-protected-resource/mcp',
    );
  });

  it('inserts the well-known segment before an issuer path (RFC 8414)', () => {
    expect(authorizationServerMetadataUrl('https://example.authkit.app')).toBe(
      'https://example.authkit.app/.well-known/oauth-authorization-server',
    );
    expect(authorizationServerMetadataUrl('https://idp.example.com/tenant/')).toBe(
      'https://idp.example.com/.well-known/oauth-authorization-server/tenant',
    );
  });

  it('appends the OIDC discovery path after the issuer path', () => {
    expect(openIdConfigurationUrl('https://idp.example.com/tenant/')).toBe(
      'https://idp.example.com/tenant/.well-known/openid-configuration',
    );
  });
});
