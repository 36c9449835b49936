import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiGatewayV2Event, decodeApiGatewayV2Result } from '@wikibot/lambda-http';

describe('Lambda handler', () => {
  let dir: string;
  let handler: typeof import('../../src/handler.js').handler;
  const saved = { ...process.env };

  beforeAll(async () => {
    // Prepare: the environment a Lambda would get (literal secrets are allowed off Lambda)
    dir = await mkdtemp(join(tmpdir(), 'wikibot-wiki-handler-'));
    Object.assign(process.env, {
      PUBLIC_ORIGIN: 'https://wiki.example.com',
      AUTHKIT_DOMAIN: 'https://authkit.example.com',
      ACCESS_POLICY: '{"writers":["@example.com"]}',
      WIKI_DATA_DIR: dir,
      SESSION_SECRET: 'handler-session-secret-0123456789-abcdefghijkl',
      MCP_API_KEY: 'handler-api-key-0123456789',
    });
    ({ handler } = await import('../../src/handler.js'));
  });
  afterAll(async () => {
    process.env = saved;
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the wiki on first use and serves /Home through API Gateway payload 2.0', async () => {
    const result = await handler(
      createApiGatewayV2Event({ method: 'GET', url: '/Home', headers: { host: 'wiki.example.com' } }),
    );
    const { status, headers, body } = decodeApiGatewayV2Result(result);
    expect(status).toBe(200);
    expect(Object.fromEntries(headers)['content-security-policy']).toContain("default-src 'none'");
    expect(body.toString()).toContain('<title>Home · wikibot</title>');
  });

  it('answers a /.well-known request routed to it with 404 JSON', async () => {
    const result = await handler(
      createApiGatewayV2Event({
        method: 'GET',
        url: '/.well-known/oauth-protected-resource/mcp',
        routeKey: '$default',
        headers: { host: 'wiki.example.com' },
      }),
    );
    expect(result.statusCode).toBe(404);
    expect(result.headers?.['content-type']).toMatch(/^application\/json/);
  });

  it('answers a base64-encoded body that is not UTF-8 with 400, not 500', async () => {
    const event = createApiGatewayV2Event({
      method: 'PUT',
      url: '/api/v1/pages/X',
      headers: { host: 'wiki.example.com', 'content-type': 'application/octet-stream' },
      body: Buffer.from([0xff, 0xfe, 0xfd]),
    });
    event.headers['content-type'] = 'application/json';
    event.headers.authorization = 'Bearer handler-api-key-0123456789';
    // Act
    const result = await handler(event);
    // Assess
    expect(event.isBase64Encoded).toBe(true);
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body!)).toMatchObject({ code: 'invalid_encoding' });
  });
});
