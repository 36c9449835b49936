import { describe, expect, it } from '@jest/globals';
import {
  createApiGatewayV2Event,
  createLambdaHandler,
  eventToRequest,
  requestBytes,
  type ApiGatewayV2Event,
} from '../../src/index.js';

/** The Request the adapter built before it had its own class: Node's, from the same event. The reference. */
function platformRequestOf(event: ApiGatewayV2Event): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers)) headers.set(name, value);
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const host = event.requestContext.domainName || headers.get('host') || 'localhost';
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'https';
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const method = event.requestContext.http.method.toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD' && event.body !== undefined;
  const body = hasBody ? (event.isBase64Encoded ? Buffer.from(event.body!, 'base64') : event.body!) : undefined;
  return new Request(new URL(`${proto}://${host}${event.rawPath || '/'}${query}`), { method, headers, body });
}

/** A multipart body as a browser sends it: a text field and a binary file. */
async function multipart(): Promise<{ bytes: Uint8Array; type: string }> {
  const form = new FormData();
  form.append('comment', 'grüße\r\nzwei Zeilen');
  form.append('file', new Blob([new Uint8Array([0, 0xff, 0x89, 0x50])], { type: 'image/png' }), 'a.png');
  const request = new Request('https://x.example/', { method: 'POST', body: form });
  return { bytes: new Uint8Array(await request.arrayBuffer()), type: request.headers.get('content-type')! };
}

const base = { headers: { host: 'wiki.example.com', 'x-forwarded-proto': 'https', 'user-agent': ' ua ' } };
const EVENTS: [string, () => Promise<ApiGatewayV2Event>][] = [
  [
    'a GET with a query and cookies',
    async () =>
      createApiGatewayV2Event({
        ...base,
        method: 'GET',
        url: '/Foo%20Bar?x=1&y=%C3%BC',
        headers: { ...base.headers, cookie: 'a=1; b=2', accept: 'text/html' },
      }),
  ],
  ['a HEAD', async () => createApiGatewayV2Event({ ...base, method: 'head', url: '/-/static/wiki.css?v=1' })],
  [
    'a JSON POST',
    async () =>
      createApiGatewayV2Event({
        ...base,
        method: 'POST',
        url: '/mcp',
        body: '{"jsonrpc":"2.0","id":"ü👋"}',
        headers: { ...base.headers, 'content-type': 'application/json' },
      }),
  ],
  [
    'a binary PUT (base64 in the event)',
    async () =>
      createApiGatewayV2Event({
        ...base,
        method: 'PUT',
        url: '/api/v1/x',
        body: new Uint8Array([0xff, 0, 0xfe]),
        headers: { ...base.headers, 'content-type': 'application/octet-stream' },
      }),
  ],
  [
    'an urlencoded form POST',
    async () =>
      createApiGatewayV2Event({
        ...base,
        method: 'POST',
        url: '/Home/save',
        body: 'content=%23+Hi&revision=abc',
        headers: { ...base.headers, 'content-type': 'application/x-www-form-urlencoded' },
      }),
  ],
  [
    'a multipart upload (base64 in the event)',
    async () => {
      const { bytes, type } = await multipart();
      return createApiGatewayV2Event({
        ...base,
        method: 'POST',
        url: '/-/upload',
        body: bytes,
        headers: { ...base.headers, 'content-type': type },
      });
    },
  ],
  [
    'a text body with a lone surrogate',
    async () => ({
      ...createApiGatewayV2Event({
        ...base,
        method: 'POST',
        url: '/mcp',
        headers: { ...base.headers, 'content-type': 'text/plain' },
      }),
      body: 'a\ud800b',
    }),
  ],
  [
    'a host taken from the Host header',
    async () => {
      const event = createApiGatewayV2Event({ ...base, method: 'GET', url: '/' });
      return { ...event, requestContext: { ...event.requestContext, domainName: '' } };
    },
  ],
];

async function settled(promise: Promise<unknown>): Promise<unknown> {
  try {
    const value = await promise;
    if (value instanceof ArrayBuffer) return { value: [...new Uint8Array(value)] };
    if (value && typeof (value as FormData).entries === 'function') {
      const entries = [];
      for (const [name, entry] of (value as FormData).entries()) {
        entries.push([name, typeof entry === 'string' ? entry : [entry.name, entry.type, await entry.text()]]);
      }
      return { value: entries };
    }
    return { value };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

const head = (request: Request) => ({ method: request.method, url: request.url, headers: [...request.headers] });

describe('the event’s Request against the one Node built from the same event', () => {
  it.each(EVENTS)('has the same method, URL and headers: %s', async (_name, event) => {
    // Act
    const sent = await event();
    const [ours, reference] = [eventToRequest(sent), platformRequestOf(sent)];
    // Assess
    expect(head(ours)).toEqual(head(reference));
    expect(ours.bodyUsed).toBe(false);
  });

  it.each(EVENTS)('reads its body as text, then refuses a second read, as Node does: %s', async (_name, event) => {
    const sent = await event();
    const [ours, reference] = [eventToRequest(sent), platformRequestOf(sent)];
    expect(await settled(ours.text())).toEqual(await settled(reference.text()));
    expect(ours.bodyUsed).toBe(reference.bodyUsed);
    expect(await settled(ours.arrayBuffer())).toEqual(await settled(reference.arrayBuffer()));
  });

  it.each(EVENTS)('reads bytes, form data, JSON and a clone as Node does: %s', async (_name, event) => {
    const sent = await event();
    const [ours, reference] = [eventToRequest(sent), platformRequestOf(sent)];
    const [ourBytes, referenceBytes] = [
      await requestBytes(ours),
      new Uint8Array(await reference.clone().arrayBuffer()),
    ];
    expect(Buffer.from(ourBytes)).toEqual(Buffer.from(referenceBytes));
    expect(await settled(ours.clone().formData())).toEqual(await settled(reference.clone().formData()));
    expect(await settled(ours.clone().json())).toEqual(await settled(reference.clone().json()));
    expect([ours.signal.aborted, ours.mode, ours.credentials, ours.cache, ours.redirect]).toEqual([
      reference.signal.aborted,
      reference.mode,
      reference.credentials,
      reference.cache,
      reference.redirect,
    ]);
    expect(await settled(ours.arrayBuffer())).toEqual(await settled(reference.arrayBuffer()));
    expect(ours.bodyUsed).toBe(reference.bodyUsed);
  });

  it.each([
    ['a method Request refuses', 'CONNECT'],
    ['a method that is not a token', 'GE T'],
  ])('answers 400 to an event with %s, where Node’s Request threw out of the handler', async (_name, method) => {
    // Prepare
    const handler = createLambdaHandler(async () => new Response('never'));
    const event = createApiGatewayV2Event({ method: 'GET', url: '/', headers: { host: 'wiki.example.com' } });
    // Act
    const result = await handler({
      ...event,
      requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method } },
    });
    // Assess
    expect(result.statusCode).toBe(400);
  });
});
