import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestIssuer, type TestIssuer } from '@wikibot/identity/testing';
import { createApp, type App } from '../../src/index.js';
import { answerToolListing } from '../../src/mcp/listing-shortcut.js';
import { RESOURCE, testConfig } from '../helpers/env.js';
import { mcpHeaders } from '../helpers/rpc.js';

const post = (token: string, body: unknown, headers: Record<string, string> = {}): Request =>
  new Request(RESOURCE, {
    method: 'POST',
    headers: { ...mcpHeaders(token), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function answer(app: App, request: Request) {
  const response = await app.fetch(request);
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

describe('the serialised tools/list answer', () => {
  let issuer: TestIssuer;
  let app: App;
  let writer: string;
  let reader: string;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    app = createApp(testConfig(issuer.issuer), { log: () => {} });
    writer = await issuer.sign({ sub: 'user_ada', aud: RESOURCE, email: 'ada@example.com' });
    reader = await issuer.sign({ sub: 'user_rob', aud: RESOURCE, email: 'rob@readers.example' });
  });
  afterAll(() => issuer.close());

  it.each([
    ['a numeric id', 7],
    ['a string id', 'req-"quoted"-ü'],
    ['id 0', 0],
  ])('is byte for byte what the SDK answers (%s), for writers and for readers', async (_name, id) => {
    for (const token of [writer, reader]) {
      // Prepare: `_meta` in the params takes the request through McpServer and its transport.
      const viaSdk = post(token, { jsonrpc: '2.0', id, method: 'tools/list', params: { _meta: {} } });
      const quick = post(token, { jsonrpc: '2.0', id, method: 'tools/list', params: {} });
      expect(answerToolListing(viaSdk, await viaSdk.clone().json(), () => '{}')).toBeUndefined();
      expect(answerToolListing(quick, await quick.clone().json(), () => '{}')).toBeDefined();
      // Act
      const expected = await answer(app, viaSdk);
      const actual = await answer(app, quick);
      // Assess
      expect(expected.status).toBe(200);
      expect(actual).toEqual(expected);
    }
  });

  it('lists the write tools as unavailable to a reader, as the SDK path does', async () => {
    // Act
    const forReader = JSON.parse(
      (await answer(app, post(reader, { jsonrpc: '2.0', id: 1, method: 'tools/list' }))).body,
    );
    const forWriter = JSON.parse(
      (await answer(app, post(writer, { jsonrpc: '2.0', id: 1, method: 'tools/list' }))).body,
    );
    // Assess
    const describe = (listing: { result: { tools: { name: string; description: string }[] } }, name: string) =>
      listing.result.tools.find((t) => t.name === name)?.description;
    expect(describe(forReader, 'write_note')).toMatch(/^\(Unavailable to you/);
    expect(describe(forWriter, 'write_note')).not.toMatch(/Unavailable/);
    expect(forReader.result.tools).toHaveLength(16);
  });

  it.each([
    ['a batch', [{ jsonrpc: '2.0', id: 1, method: 'tools/list' }], {}],
    ['a cursor', { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { cursor: 'x' } }, {}],
    ['a fractional id', { jsonrpc: '2.0', id: 1.5, method: 'tools/list' }, {}],
    ['a null id', { jsonrpc: '2.0', id: null, method: 'tools/list' }, {}],
    ['a notification', { jsonrpc: '2.0', method: 'tools/list' }, {}],
    ['an extra member', { jsonrpc: '2.0', id: 1, method: 'tools/list', extra: true }, {}],
    ['JSON-RPC 1.0', { jsonrpc: '1.0', id: 1, method: 'tools/list' }, {}],
    ['params that are not an object', { jsonrpc: '2.0', id: 1, method: 'tools/list', params: [] }, {}],
    ['no text/event-stream in Accept', { jsonrpc: '2.0', id: 1, method: 'tools/list' }, { accept: 'application/json' }],
    ['a text/plain body', { jsonrpc: '2.0', id: 1, method: 'tools/list' }, { 'content-type': 'text/plain' }],
    [
      'a JSON media type with parameters',
      { jsonrpc: '2.0', id: 1, method: 'tools/list' },
      { 'content-type': 'application/json; profile=x' },
    ],
    [
      'an unknown protocol version',
      { jsonrpc: '2.0', id: 1, method: 'tools/list' },
      { 'mcp-protocol-version': '1999-01-01' },
    ],
  ])('leaves %s to the SDK', async (_name, body, headers) => {
    // Prepare
    const request = post(writer, body, headers);
    // Act
    const quick = answerToolListing(request, await request.clone().json(), () => '{}');
    // Assess
    expect(quick).toBeUndefined();
  });

  it('still gets the SDK refusals for what it leaves to the SDK', async () => {
    // Act
    const version = await answer(
      app,
      post(writer, { jsonrpc: '2.0', id: 1, method: 'tools/list' }, { 'mcp-protocol-version': '1999-01-01' }),
    );
    const accept = await answer(
      app,
      post(writer, { jsonrpc: '2.0', id: 1, method: 'tools/list' }, { accept: 'application/json' }),
    );
    const fractional = await answer(app, post(writer, { jsonrpc: '2.0', id: 1.5, method: 'tools/list' }));
    const batch = await answer(app, post(writer, [{ jsonrpc: '2.0', id: 2, method: 'tools/list' }]));
    // Assess
    expect(version.status).toBe(400);
    expect(version.body).toMatch(/Unsupported protocol version/);
    expect(accept.status).toBe(406);
    expect(fractional.status).toBe(400);
    expect(batch.status).toBe(200);
    // The SDK answers a batch of one with that one answer, unwrapped.
    expect(JSON.parse(batch.body)).toEqual(expect.objectContaining({ id: 2, result: expect.anything() }));
  });

  it('answers only after authentication', async () => {
    // Act
    const response = await app.fetch(post('not-a-token', { jsonrpc: '2.0', id: 1, method: 'tools/list' }));
    // Assess
    expect(response.status).toBe(401);
  });
});
