import { describe, expect, it } from '@jest/globals';
import { createApiGatewayV2Event, createLambdaHandler, decodeApiGatewayV2Result } from '../../src/index.js';

describe('Function: createApiGatewayV2Event', () => {
  it('lower-cases headers, joins repeats, moves cookies and parses the query', () => {
    // Act
    const event = createApiGatewayV2Event({
      method: 'post',
      url: '/Foo%20Bar/save?a=1&a=2&b=x',
      headers: [
        ['Host', 'localhost:8787'],
        ['X-Thing', 'one'],
        ['x-thing', 'two'],
        ['Cookie', 'a=1; b=2'],
        ['content-type', 'text/plain'],
      ],
      body: 'hello',
    });
    // Assess
    expect(event.headers).toEqual({ host: 'localhost:8787', 'x-thing': 'one,two', 'content-type': 'text/plain' });
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.rawPath).toBe('/Foo%20Bar/save');
    expect(event.requestContext.http.path).toBe('/Foo Bar/save');
    expect(event.queryStringParameters).toEqual({ a: '1,2', b: 'x' });
    expect(event.body).toBe('hello');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.requestContext.http.method).toBe('POST');
  });

  it('base64-encodes a body that is not valid UTF-8 even when it claims to be text', () => {
    const event = createApiGatewayV2Event({
      method: 'PUT',
      url: '/x',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0xff, 0xfe, 0x41]),
    });
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body!, 'base64')).toEqual(Buffer.from([0xff, 0xfe, 0x41]));
  });
});

describe('Function: createLambdaHandler', () => {
  it('round-trips a request through the app and back, cookies included', async () => {
    // Prepare
    const handler = createLambdaHandler(async (request) => {
      const body = await request.text();
      const headers = new Headers({ 'content-type': 'application/json' });
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/');
      return new Response(
        JSON.stringify({ url: request.url, method: request.method, cookie: request.headers.get('cookie'), body }),
        { status: 201, headers },
      );
    });
    const event = createApiGatewayV2Event({
      method: 'POST',
      url: '/mcp?x=1',
      headers: { host: 'dev.wikibot.io', cookie: 's=abc', 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    // Act
    const result = await handler(event);
    // Assess
    expect(result.statusCode).toBe(201);
    expect(result.cookies).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(JSON.parse(result.body!)).toEqual({
      url: 'https://dev.wikibot.io/mcp?x=1',
      method: 'POST',
      cookie: 's=abc',
      body: '{"a":1}',
    });
    const wire = decodeApiGatewayV2Result(result);
    expect(wire.headers.filter(([n]) => n === 'set-cookie')).toHaveLength(2);
  });

  it('returns binary bodies base64-encoded', async () => {
    const handler = createLambdaHandler(
      async () => new Response(new Uint8Array([0, 1, 2, 255]), { headers: { 'content-type': 'image/png' } }),
    );
    const result = await handler(createApiGatewayV2Event({ method: 'GET', url: '/a.png' }));
    expect(result.isBase64Encoded).toBe(true);
    expect(decodeApiGatewayV2Result(result).body).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('answers 400 to an event that is not payload 2.0', async () => {
    const handler = createLambdaHandler(async () => new Response('never'));
    const result = await handler({ version: '1.0' } as never);
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body!).error).toBe('bad_request');
  });

  it('answers 500 JSON without a stack trace when the app throws', async () => {
    const handler = createLambdaHandler(async () => {
      throw new Error('secret internals at /var/task/index.mjs:1:1');
    });
    const result = await handler(createApiGatewayV2Event({ method: 'GET', url: '/' }));
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toMatch(/secret internals|index\.mjs/);
  });
});
