import { describe, expect, it } from '@jest/globals';
import { ConfigError, accessByEmail, loadConfig, parseAccessPolicy, refusalMessage } from '../../src/index.js';

const base = {
  PUBLIC_ORIGIN: 'https://dev.wikibot.io',
  AUTHKIT_DOMAIN: 'https://example.authkit.app',
  ACCESS_POLICY: '{"writers":["@example.com"],"readers":["reader@other.org"]}',
  WIKI_DATA_DIR: '/mnt/wiki/repo',
};

describe('Function: loadConfig', () => {
  it('derives every URL from one origin and the issuer', () => {
    // Act
    const config = loadConfig(base);
    // Assess
    expect(config).toMatchObject({
      origin: 'https://dev.wikibot.io',
      resourceUrl: 'https://dev.wikibot.io/mcp',
      protectedResourceMetadataUrl: 'https://dev.wikibot.io/.well-known/oauth-protected-resource/mcp',
      authkit: {
        issuer: 'https://example.authkit.app',
        metadataUrl: 'https://example.authkit.app/.well-known/oauth-authorization-server',
        openIdConfigurationUrl: 'https://example.authkit.app/.well-known/openid-configuration',
      },
      wikiReadAccess: 'public',
      dataDir: '/mnt/wiki/repo',
      retainPageNameCase: false,
    });
    expect(config.scopes).toContain('openid');
  });

  it.each([
    ['true', true],
    [' false ', false],
    ['', false],
  ])("reads WIKI_RETAIN_PAGE_NAME_CASE=%j (Otterwiki's RETAIN_PAGE_NAME_CASE) as %j", (value, expected) => {
    expect(loadConfig({ ...base, WIKI_RETAIN_PAGE_NAME_CASE: value }).retainPageNameCase).toBe(expected);
  });

  it('takes an AuthKit domain whose scheme is in capitals as it is (not as a bare host)', () => {
    expect(loadConfig({ ...base, AUTHKIT_DOMAIN: 'HTTPS://example.authkit.app' }).authkit.issuer).toBe(
      'https://example.authkit.app',
    );
  });

  it('accepts a bare AuthKit host', () => {
    expect(loadConfig({ ...base, AUTHKIT_DOMAIN: 'example.authkit.app' }).authkit.issuer).toBe(
      'https://example.authkit.app',
    );
  });

  it.each([
    ['PUBLIC_ORIGIN', 'https://dev.wikibot.io/mcp'],
    ['PUBLIC_ORIGIN', undefined],
    ['AUTHKIT_DOMAIN', undefined],
    ['AUTHKIT_DOMAIN', 'http://example.authkit.app'],
    ['AUTHKIT_DOMAIN', 'https://example.authkit.app/?x=1'],
    ['ACCESS_POLICY', undefined],
    ['ACCESS_POLICY', '{}'],
    ['ACCESS_POLICY', '{"writers":["not an email"]}'],
    ['ACCESS_POLICY', '{"writers":["*"],"admins":["x@y.z"]}'],
    ['ACCESS_POLICY', '{nope'],
    ['ACCESS_POLICY', '[]'],
    ['ACCESS_POLICY', '{"writers":"alice@example.com"}'],
    ['ACCESS_POLICY', '{"writers":[42]}'],
    ['ACCESS_POLICY', '{"organization":{"id":"acme"}}'],
    ['ACCESS_POLICY', '{"organization":{"id":"org_01H","access":"admin"}}'],
    ['ACCESS_POLICY', '{"organization":{"id":"org_01H","role":"x"}}'],
    ['ACCESS_POLICY', '{"writers":["*"],"contact":"  "}'],
    ['WIKI_DATA_DIR', ''],
    ['WIKI_READ_ACCESS', 'everyone'],
    ['WIKI_RETAIN_PAGE_NAME_CASE', 'yes'],
  ])('refuses to start when %s is %s, naming the variable', (key, value) => {
    // Act
    const act = () => loadConfig({ ...base, [key]: value });
    // Assess
    expect(act).toThrow(ConfigError);
    expect(act).toThrow(new RegExp(`^${key}: `));
  });

  it('takes secrets by SSM parameter name, never as values on Lambda', () => {
    // Act
    const config = loadConfig({
      ...base,
      AWS_LAMBDA_FUNCTION_NAME: 'wikibot-dev-mcp',
      MCP_API_KEY_PARAMETER: '/wikibot/dev/mcp-api-key',
    });
    // Assess
    expect(config.secrets.mcpApiKey).toEqual({ kind: 'ssm', name: '/wikibot/dev/mcp-api-key' });
    expect(() => loadConfig({ ...base, AWS_LAMBDA_FUNCTION_NAME: 'f', MCP_API_KEY: 'hunter2' })).toThrow(
      /MCP_API_KEY: must not hold a secret value on Lambda/,
    );
  });

  it('accepts a literal secret off Lambda (local development)', () => {
    expect(loadConfig({ ...base, MCP_API_KEY: 'local-key' }).secrets.mcpApiKey).toEqual({
      kind: 'value',
      value: 'local-key',
    });
  });
});

describe('Function: accessByEmail', () => {
  const policy = parseAccessPolicy(
    '{"writers":["alice@example.com","@corp.example"],"readers":["@example.com"],"contact":"wiki-admins@corp.example"}',
  );

  it.each([
    ['alice@example.com', 'write'],
    ['ALICE@Example.com', 'write'],
    ['bob@corp.example', 'write'],
    ['carol@example.com', 'read'],
    ['mallory@evil.example', 'none'],
    ['mallory@corp.example.evil.test', 'none'],
    ['corp.example@evil.test', 'none'],
    [undefined, 'none'],
  ])('gives %s %s access', (email, level) => {
    expect(accessByEmail(policy, email)).toBe(level);
  });

  it('normalizes entries and defaults an organization to write access', () => {
    // Act
    const parsed = parseAccessPolicy(
      '{"writers":["  Alice@Example.COM "],"organization":{"id":"org_01H"},"contact":" admins@example.com "}',
    );
    // Assess
    expect(parsed).toEqual({
      writers: ['alice@example.com'],
      readers: [],
      organization: { id: 'org_01H', access: 'write' },
      contact: 'admins@example.com',
    });
  });

  it('names the setting it was given in errors', () => {
    expect(() => parseAccessPolicy('{"writers":["nope"]}', 'LOCAL_ACCESS_POLICY')).toThrow(
      /^LOCAL_ACCESS_POLICY: writers\.0 must be an email address/,
    );
  });

  it('admits everyone with "*"', () => {
    expect(accessByEmail(parseAccessPolicy('{"writers":["*"]}'), undefined)).toBe('write');
  });

  it('tells a refused user whom to ask', () => {
    expect(refusalMessage(policy, 'mallory@evil.example', 'write')).toMatch(
      /mallory@evil\.example.*not allowed to write.*wiki-admins@corp\.example/,
    );
  });
});
