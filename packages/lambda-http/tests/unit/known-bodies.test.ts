import { describe, expect, it } from '@jest/globals';
import { createApiGatewayV2Event, eventToRequest, requestBytes } from '../../src/index.js';

const post = (body: string | Uint8Array, contentType = 'application/json') =>
  createApiGatewayV2Event({
    method: 'POST',
    url: '/mcp',
    headers: { host: 'wiki.example.com', 'content-type': contentType },
    body,
  });

describe('request bodies the adapter already holds', () => {
  it.each([
    ['a JSON text body', post('{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"q":"grüße 👋"}}')],
    ['a binary body (base64 in the event)', post(new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'application/octet-stream')],
    ['text with a lone surrogate', { ...post('x'), body: 'a\ud800b' }],
    ['an empty body', { ...post('x'), body: '' }],
  ])('gives a request the bytes its stream would give: %s', async (_name, event) => {
    // Act
    const direct = await requestBytes(eventToRequest(event));
    const streamed = new Uint8Array(await eventToRequest(event).arrayBuffer());
    // Assess
    expect(Buffer.from(direct)).toEqual(Buffer.from(streamed));
  });

  it('reads the stream of a request it did not build, and of one whose body was already read', async () => {
    // Prepare
    const foreign = new Request('https://wiki.example.com/mcp', { method: 'POST', body: 'from elsewhere' });
    const used = eventToRequest(post('{"a":1}'));
    await used.text();
    // Act
    const bytes = await requestBytes(foreign);
    const again = requestBytes(used);
    // Assess
    expect(Buffer.from(bytes).toString()).toBe('from elsewhere');
    await expect(again).rejects.toThrow(/unusable|already/);
  });
});
