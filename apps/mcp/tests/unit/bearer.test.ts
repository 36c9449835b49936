import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseAccessPolicy } from '@wikibot/auth-config';
import { createAccessResolver, createTokenVerifier } from '@wikibot/identity';
import {
  listen,
  refusedTokens,
  startSsmServer,
  startTestIssuer,
  TEST_AWS,
  type TestIssuer,
} from '@wikibot/identity/testing';
import { createBearerAuth } from '../../src/auth/bearer.js';
import { createApp } from '../../src/index.js';
import { ORIGIN, PRM_URL, RESOURCE, testConfig } from '../helpers/env.js';
import { callTool, mcpHeaders, mcpRequest } from '../helpers/rpc.js';

const CHALLENGE = `Bearer resource_metadata="${PRM_URL}"`;

describe('bearer auth on /mcp', () => {
  let issuer: TestIssuer;
  const lines: string[] = [];
  beforeAll(async () => {
    issuer = await startTestIssuer();
  });
  afterAll(() => issuer.close());
  const app = (env = {}) => createApp(testConfig(issuer.issuer, env), { log: (l) => lines.push(l) });
  const tokenFor = (claims: Record<string, unknown> = {}) =>
    issuer.sign({
      sub: 'user_ada',
      aud: RESOURCE,
      email: 'ada@example.com',
      email_verified: true,
      name: 'Ada Lovelace',
      client_id: 'client_1',
      ...claims,
    });

  it('answers a request without a token with 401 and the resource_metadata challenge', async () => {
    // Act
    const response = await app().fetch(mcpRequest('initialize', {}));
    // Assess
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('treats another authorization scheme as no token', async () => {
    const response = await app().fetch(
      new Request(RESOURCE, { method: 'POST', headers: { ...mcpHeaders(), authorization: 'Basic YTpi' }, body: '{}' }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(CHALLENGE);
  });

  describe('refused tokens', () => {
    let cases: [string, string][] = [];
    beforeAll(async () => {
      cases = await refusedTokens(issuer, { sub: 'user_ada', aud: RESOURCE, email: 'ada@example.com' });
    });

    it.each([
      'alg none',
      'HS256 signed with the public key',
      'signed with an unknown key',
      'signed with an unknown key under a published kid',
      'wrong issuer',
      'wrong audience',
      'expired',
      'not yet valid',
      'without an expiry',
      'tampered payload',
      'tampered signature',
      'garbage',
      'three garbage segments',
    ])('answers a token that is %s with 401 invalid_token', async (name) => {
      // Prepare
      const token = cases.find(([n]) => n === name)![1];
      lines.length = 0;
      // Act
      const response = await app().fetch(mcpRequest('initialize', {}, token));
      // Assess
      expect(response.status).toBe(401);
      const challenge = response.headers.get('www-authenticate')!;
      expect(challenge.startsWith(`${CHALLENGE}, error="invalid_token", error_description="`)).toBe(true);
      expect(challenge).not.toContain(token);
      expect(lines.join('\n')).not.toContain(token);
    });
  });

  it('refuses a token in the query string', async () => {
    const token = await tokenFor();
    const response = await app().fetch(
      new Request(`${RESOURCE}?access_token=${token}`, { method: 'POST', headers: mcpHeaders(), body: '{}' }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_request"');
  });

  it.each([
    ['GET', 'info'],
    ['DELETE', 'warn'],
  ])('answers %s /mcp with 405 and Allow: POST, OPTIONS, logged at %s', async (method, level) => {
    lines.length = 0;
    const response = await app().fetch(
      new Request(RESOURCE, { method, headers: { authorization: `Bearer ${await tokenFor()}` } }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    expect(response.headers.get('content-type')).toBe('application/json');
    // Every MCP session offers GET /mcp for an SSE stream; refusing it is expected, not a warning.
    expect(JSON.parse(lines[0])).toMatchObject({ level, route: `${method} /mcp`, status: 405 });
  });

  it('initializes with a valid token and logs the user and client, never the token', async () => {
    // Prepare
    const token = await tokenFor();
    lines.length = 0;
    // Act
    const response = await app().fetch(
      mcpRequest(
        'initialize',
        { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'unit-client', version: '1' } },
        token,
      ),
    );
    // Assess
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      result: { serverInfo: { name: string }; capabilities: { tools?: unknown } };
    };
    expect(body.result.serverInfo.name).toBe('wikibot');
    expect(body.result.capabilities.tools).toBeDefined();
    expect(response.headers.get('mcp-session-id')).toBeNull();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      route: 'POST /mcp',
      status: 200,
      user: 'user_ada',
      client: 'unit-client',
      rpc: ['initialize'],
    });
    expect(lines[0]).not.toContain(token);
  });

  it('answers a signed-in user outside the policy with 403 saying whom to ask', async () => {
    const token = await tokenFor({ sub: 'user_mallory', email: 'mallory@evil.example' });
    const response = await app().fetch(mcpRequest('tools/list', {}, token));
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('access_denied');
    expect(body.message).toContain('mallory@evil.example');
    expect(body.message).toContain('Ask wiki-admins@example.com for access.');
  });

  it('does not trust an email the token calls unverified', async () => {
    const token = await tokenFor({ email_verified: false });
    expect((await app().fetch(mcpRequest('tools/list', {}, token))).status).toBe(403);
  });

  it('gives a read-only user the read tools and a clear refusal from the write tools', async () => {
    // Prepare
    const token = await tokenFor({ sub: 'user_rita', email: 'rita@readers.example' });
    const instance = app();
    // Act
    const list = (await (await instance.fetch(mcpRequest('tools/list', {}, token))).json()) as {
      result: { tools: { name: string; description: string }[] };
    };
    const write = await callTool(instance, token, 'write_note', { path: 'X', content: 'y' });
    // Assess
    expect(list.result.tools.find((t) => t.name === 'write_note')?.description).toMatch(/read-only access/);
    expect(list.result.tools.find((t) => t.name === 'read_note')?.description).not.toMatch(/read-only access/);
    expect(write.isError).toBe(true);
    expect(write.text).toContain('not allowed to write this wiki');
    expect(write.text).toContain('wiki-admins@example.com');
  });

  describe('with a static API key', () => {
    it('accepts the configured key', async () => {
      const instance = app({ MCP_API_KEY: 'static-key-123' });
      const response = await instance.fetch(mcpRequest('tools/list', {}, 'static-key-123'));
      expect(response.status).toBe(200);
    });

    it.each([
      ['a wrong key', 'static-key-124'],
      ['a prefix of the key', 'static-key'],
    ])('refuses %s with invalid_token', async (_name, key) => {
      const response = await app({ MCP_API_KEY: 'static-key-123' }).fetch(mcpRequest('tools/list', {}, key));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    });

    it('reads the key from SSM when it is configured as a parameter', async () => {
      // Prepare
      const ssm = await startSsmServer({ '/wikibot/test/mcp-api-key': 'key-from-ssm' });
      const instance = createApp(testConfig(issuer.issuer, { MCP_API_KEY_PARAMETER: '/wikibot/test/mcp-api-key' }), {
        log: () => {},
        aws: TEST_AWS,
        ssmEndpoint: ssm.endpoint,
      });
      // Act
      const accepted = await instance.fetch(mcpRequest('tools/list', {}, 'key-from-ssm'));
      const refused = await instance.fetch(mcpRequest('tools/list', {}, 'another-key'));
      // Assess
      expect(accepted.status).toBe(200);
      expect(refused.status).toBe(401);
      expect(ssm.calls).toEqual(['/wikibot/test/mcp-api-key']);
      await ssm.close();
    });

    it('refuses any non-JWT token when no key is configured', async () => {
      const response = await app().fetch(mcpRequest('tools/list', {}, 'static-key-123'));
      expect(response.status).toBe(401);
    });
  });

  it("answers 503, not 401, when the issuer's keys cannot be fetched", async () => {
    // Prepare
    const down = await listen(() => new Response('down', { status: 503 }));
    const token = await tokenFor();
    const instance = createApp(testConfig(issuer.issuer), {
      log: () => {},
      verifier: createTokenVerifier({
        issuer: issuer.issuer,
        audience: RESOURCE,
        metadataUrl: `${down.url}/.well-known/oauth-authorization-server`,
      }),
    });
    // Act
    const unavailable = await instance.fetch(mcpRequest('tools/list', {}, token));
    // Assess
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('5');
    await down.close();
  });

  it('answers a body that is not JSON with a JSON-RPC parse error', async () => {
    const response = await app().fetch(
      new Request(RESOURCE, { method: 'POST', headers: mcpHeaders(await tokenFor()), body: '{not json' }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32700 } });
  });

  it('answers an empty batch with a JSON-RPC invalid request error, not an empty 202', async () => {
    const response = await app().fetch(
      new Request(RESOURCE, { method: 'POST', headers: mcpHeaders(await tokenFor()), body: '[]' }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32600 } });
  });

  it('refuses a body that is not valid UTF-8 instead of writing replacement characters', async () => {
    // Prepare: a write_note whose page name carries the bytes 0xC3 0x28 (an invalid sequence)
    const head = Buffer.from(
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"write_note","arguments":{"path":"Bad ',
    );
    const tail = Buffer.from('","content":"x"}}}');
    const body = Buffer.concat([head, Buffer.from([0xc3, 0x28]), tail]);
    // Act
    const response = await app().fetch(
      new Request(RESOURCE, { method: 'POST', headers: mcpHeaders(await tokenFor()), body }),
    );
    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { code: -32700, message: expect.stringMatching(/UTF-8/) },
    });
  });
});

describe('createBearerAuth', () => {
  it('answers a token without a required scope with 403 insufficient_scope', async () => {
    // Prepare
    const issuer = await startTestIssuer();
    const authenticate = createBearerAuth({
      config: { protectedResourceMetadataUrl: PRM_URL, policy: parseAccessPolicy('{"writers":["*"]}') },
      verifier: createTokenVerifier({ issuer: issuer.issuer, audience: RESOURCE }),
      access: createAccessResolver({ policy: parseAccessPolicy('{"writers":["*"]}') }),
      requiredScopes: ['wiki:write'],
    });
    const token = await issuer.sign({ sub: 'user_1', aud: RESOURCE, scope: 'openid' });
    // Act
    const outcome = await authenticate(
      new Request(`${ORIGIN}/mcp`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }),
    );
    // Assess
    expect('response' in outcome && outcome.response.status).toBe(403);
    const header = 'response' in outcome ? outcome.response.headers.get('www-authenticate') : '';
    expect(header).toContain('error="insufficient_scope"');
    expect(header).toContain('scope="wiki:write"');
    await issuer.close();
  });
});
