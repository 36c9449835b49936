import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@wikibot/auth-config';
import { createApiGatewayV2Event } from '@wikibot/lambda-http';
import { createApp } from '../../src/index.js';
import { testConfig } from '../helpers/env.js';

describe('start-up', () => {
  it.each([
    ['a path', 'https://dev.wikibot.io/mcp'],
    ['a query', 'https://dev.wikibot.io?x=1'],
    ['plain http on a public host', 'http://dev.wikibot.io'],
  ])('refuses an origin with %s, saying what to set instead', (_name, origin) => {
    expect(() => createApp(testConfig('https://example.authkit.app', { PUBLIC_ORIGIN: origin }))).toThrow(ConfigError);
  });

  it('tells the operator the origin to set when it carries the MCP path', () => {
    expect(() => testConfig('https://example.authkit.app', { PUBLIC_ORIGIN: 'https://dev.wikibot.io/mcp' })).toThrow(
      'Set PUBLIC_ORIGIN=https://dev.wikibot.io',
    );
  });

  it('refuses an environment without an access policy', () => {
    expect(() => testConfig('https://example.authkit.app', { ACCESS_POLICY: undefined })).toThrow(/ACCESS_POLICY/);
  });

  it('refuses an organization policy without a WorkOS API key', () => {
    const config = testConfig('https://example.authkit.app', { ACCESS_POLICY: '{"organization":{"id":"org_123"}}' });
    expect(() => createApp(config)).toThrow(/WORKOS_API_KEY/);
  });

  it('answers a Lambda event with 500 JSON when the environment is misconfigured', async () => {
    // Prepare: the handler reads process.env on the first event.
    const saved = process.env.PUBLIC_ORIGIN;
    process.env.PUBLIC_ORIGIN = 'https://dev.wikibot.io/mcp';
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      const { handler } = await import('../../src/handler.js');
      // Act
      const result = await handler(
        createApiGatewayV2Event({
          method: 'GET',
          url: '/.well-known/oauth-protected-resource/mcp',
          headers: { host: 'dev.wikibot.io' },
        }),
      );
      // Assess
      expect(result.statusCode).toBe(500);
      expect(result.headers?.['content-type']).toBe('application/json');
      expect(lines.join('')).toContain('PUBLIC_ORIGIN');
    } finally {
      process.stdout.write = write;
      if (saved === undefined) delete process.env.PUBLIC_ORIGIN;
      else process.env.PUBLIC_ORIGIN = saved;
    }
  });
});
