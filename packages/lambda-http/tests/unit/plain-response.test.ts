import { describe, expect, it } from '@jest/globals';
import { plainResponse, responseToResult, type PlainBody } from '../../src/index.js';

const BODIES: [string, () => PlainBody][] = [
  ['text', () => 'grüße 👋'],
  ['empty text', () => ''],
  ['JSON text', () => '{"a":[1,2]}'],
  ['text with a lone surrogate', () => '{"x":"\ud800"}'],
  ['bytes', () => new Uint8Array([0, 255, 1, 0x7b])],
  ['no bytes', () => new Uint8Array(0)],
  ['null', () => null],
];

const INITS: [string, () => ResponseInit | undefined][] = [
  ['no init', () => undefined],
  ['an empty init', () => ({})],
  ['201 Created', () => ({ status: 201, statusText: 'Created' })],
  ['204', () => ({ status: 204 })],
  ['205', () => ({ status: 205 })],
  ['304', () => ({ status: 304, headers: { etag: '"1"' } })],
  ['199', () => ({ status: 199 })],
  ['600', () => ({ status: 600 })],
  ['0', () => ({ status: 0 })],
  ['65736 (200 as an unsigned short)', () => ({ status: 65736 })],
  ['"404" as a string', () => ({ status: '404' as never })],
  ['NaN', () => ({ status: Number.NaN })],
  ['a redirect', () => ({ status: 302, headers: { location: '/Home' } })],
  ['a status text with CR LF', () => ({ statusText: 'Bad\r\nX: y' })],
  ['a status text above Latin-1', () => ({ statusText: 'ā' })],
  ['a status text with tab and Latin-1', () => ({ statusText: '\tok é' })],
  ['a JSON content type', () => ({ headers: { 'content-type': 'application/json' } })],
  ['an octet-stream content type', () => ({ headers: { 'Content-Type': 'application/octet-stream' } })],
  [
    'two set-cookies',
    () => ({
      headers: [
        ['set-cookie', 'a=1'],
        ['Set-Cookie', 'b=2; Path=/'],
      ],
    }),
  ],
  ['Node Headers', () => ({ headers: new Headers({ 'x-a': ' b ', 'set-cookie': 'c=3' }) })],
  ['a bad header name', () => ({ headers: { 'bad name': 'x' } })],
  ['a header value with LF', () => ({ headers: { 'x-a': 'a\nInjected: 1' } })],
  ['status 100 and a bad header name', () => ({ status: 100, headers: { 'bad name': 'x' } })],
  ['status 100 and a status text above Latin-1', () => ({ status: 100, statusText: 'ā' })],
  ['status 204 and a bad header name', () => ({ status: 204, headers: { 'bad name': 'x' } })],
];

const CASES = BODIES.flatMap(([bodyName, body]) =>
  INITS.map(([initName, init]) => [`${bodyName}, ${initName}`, body, init] as const),
);

/** The response's fields, or the name of the error class making it threw (Node's come from another realm). */
function made(make: () => Response): { response?: Response; error?: string } {
  try {
    return { response: make() };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

function fields(response: Response): unknown {
  return {
    status: response.status,
    statusText: response.statusText,
    ok: response.ok,
    type: response.type,
    url: response.url,
    redirected: response.redirected,
    bodyUsed: response.bodyUsed,
    headers: [...response.headers],
    setCookie: response.headers.getSetCookie(),
  };
}

async function settled(promise: Promise<unknown>): Promise<unknown> {
  try {
    const value = await promise;
    return { value: value instanceof ArrayBuffer ? [...new Uint8Array(value)] : value };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

describe('plainResponse against new Response', () => {
  it.each(CASES)('is made, or refused, as Node makes it: %s', (_name, body, init) => {
    // Act
    const plain = made(() => plainResponse(body(), init()));
    const platform = made(() => new Response(body(), init()));
    // Assess
    expect(plain.error).toEqual(platform.error);
    if (plain.response) expect(fields(plain.response)).toEqual(fields(platform.response!));
  });

  it.each(CASES)('gives the same result to API Gateway: %s', async (_name, body, init) => {
    // Prepare
    const plain = made(() => plainResponse(body(), init()));
    const platform = made(() => new Response(body(), init()));
    // Act + Assess
    if (plain.response)
      expect(await responseToResult(plain.response)).toEqual(await responseToResult(platform.response!));
  });

  it.each(CASES)('reads, re-reads and clones its body as Node does: %s', async (_name, body, init) => {
    // Prepare
    const plain = made(() => plainResponse(body(), init()));
    const platform = made(() => new Response(body(), init()));
    if (!plain.response || !platform.response) return;
    const [a, b] = [plain.response, platform.response];
    // Act + Assess
    expect(a.body === null).toBe(b.body === null);
    const [cloneA, cloneB] = [a.clone(), b.clone()];
    expect(await settled(a.text())).toEqual(await settled(b.text()));
    expect(fields(a)).toEqual(fields(b));
    expect(await settled(a.arrayBuffer())).toEqual(await settled(b.arrayBuffer()));
    expect(made(() => a.clone()).error).toEqual(made(() => b.clone()).error);
    expect(await settled(responseToResult(a))).toEqual(await settled(responseToResult(b)));
    expect(fields(cloneA)).toEqual(fields(cloneB));
    expect(await settled(cloneA.json())).toEqual(await settled(cloneB.json()));
    expect(await settled(cloneA.arrayBuffer())).toEqual(await settled(cloneB.arrayBuffer()));
  });

  it('copies bytes as it is made, so changing them afterwards changes nothing', async () => {
    // Prepare
    const bytes = new Uint8Array([1, 2, 3]);
    const plain = plainResponse(bytes);
    const platform = new Response(bytes);
    // Act
    bytes[0] = 9;
    // Assess
    expect(await responseToResult(plain)).toEqual(await responseToResult(platform));
    expect(new Uint8Array(await plain.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('reads its blob and formData through Node’s Response, with the headers it has by then', async () => {
    // Prepare
    const form = 'a=1&b=%C3%BC';
    const init = { headers: { 'content-type': 'text/plain' } };
    const plain = plainResponse(form, init);
    plain.headers.set('content-type', 'application/x-www-form-urlencoded');
    const platform = new Response(form, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    // Act
    const [formA, formB] = [await plain.clone().formData(), await platform.clone().formData()];
    const [blobA, blobB] = [await plain.blob(), await platform.blob()];
    // Assess
    expect([...formA]).toEqual([...formB]);
    expect([blobA.type, await blobA.text()]).toEqual([blobB.type, await blobB.text()]);
  });

  it('gives API Gateway its headers as they are when it is answered, changed after it was made', async () => {
    // Prepare
    const plain = plainResponse('<p>x</p>', { status: 404 });
    const platform = new Response('<p>x</p>', { status: 404 });
    // Act
    for (const response of [plain, platform]) {
      response.headers.set('content-type', 'text/html; charset=utf-8');
      response.headers.append('set-cookie', 'a=1');
      response.headers.append('set-cookie', 'b=2');
    }
    // Assess
    expect(await responseToResult(plain)).toEqual(await responseToResult(platform));
  });
});

describe('responseToResult: which bodies travel as text', () => {
  it.each([
    ['text/html; charset=utf-8', false],
    ['Text/HTML; Charset=UTF-8', false],
    ['APPLICATION/VND.API+JSON', false],
    ['image/SVG+xml', false],
    ['image/png', true],
    // Header values are Latin-1: no letter there but A-Z/a-z is a word character, in any case
    ['application/caf\u00c9+json', true],
  ])('sends a %s body base64-encoded: %s', async (contentType, base64) => {
    const result = await responseToResult(new Response('abc', { headers: { 'content-type': contentType } }));
    expect(result.isBase64Encoded).toBe(base64);
    expect(result.body).toBe(base64 ? Buffer.from('abc').toString('base64') : 'abc');
  });
});
