import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  FunctionPool,
  MAX_INVOKE_REQUEST_BYTES,
  MAX_INVOKE_RESPONSE_BYTES,
  startGateway,
  type Gateway,
} from '../../src/index.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/handler/', import.meta.url));
const ROUTES = [
  { routeKey: 'ANY /items/{id}' },
  { routeKey: 'GET /files/{proxy+}' },
  { routeKey: 'POST /binary' },
  { routeKey: '$default' },
];

describe('gateway', () => {
  let gateway: Gateway;
  let pool: FunctionPool;
  let base: string;
  const failures: unknown[] = [];

  beforeAll(async () => {
    pool = new FunctionPool({
      functionName: 'fixture',
      taskRoot: FIXTURE,
      handler: 'index.handler',
      environment: { FIXTURE_VALUE: 'pool-a' },
      timeoutSec: 5,
    });
    gateway = await startGateway({
      routes: ROUTES,
      port: 0,
      invoke: (_route, event) => pool.invoke(event),
      onError: (e) => failures.push(e),
    });
    base = `http://127.0.0.1:${gateway.port}`;
  });
  afterAll(async () => {
    await gateway.close();
    await pool.close();
  });

  async function echo(path: string, init?: RequestInit): Promise<Record<string, unknown>> {
    const response = await fetch(`${base}${path}`, init);
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  it.each([
    ['GET', '/items/42', 'ANY /items/{id}', { id: '42' }],
    ['DELETE', '/items/a%20b', 'ANY /items/{id}', { id: 'a b' }],
    ['GET', '/files/a/b.txt', 'GET /files/{proxy+}', { proxy: 'a/b.txt' }],
    ['POST', '/files/a', '$default', null],
    ['GET', '/items/42/more', '$default', null],
  ])('sends %s %s to route %s with its path parameters', async (method, path, routeKey, pathParameters) => {
    const event = await echo(path, { method });
    expect(event).toMatchObject({ version: '2.0', routeKey, pathParameters, method, stage: '$default', rawPath: path });
  });

  it('passes the raw query string and lower-cased headers', async () => {
    const event = await echo('/q?b=2&a=1&a=3', { headers: { 'X-Custom': 'Yes' } });
    expect(event.rawQueryString).toBe('b=2&a=1&a=3');
    expect((event.headers as Record<string, string>)['x-custom']).toBe('Yes');
    expect((event.headers as Record<string, string>)['x-forwarded-proto']).toBe('http');
  });

  it('moves request cookies into `cookies` and response `cookies` into Set-Cookie headers', async () => {
    // Act
    const response = await fetch(`${base}/c`, { headers: { cookie: 'session=abc; theme=dark' } });
    const event = (await response.json()) as { cookies: string[]; headers: Record<string, string> };

    // Assess
    expect(event.cookies).toEqual(['session=abc', 'theme=dark']);
    expect(event.headers.cookie).toBeUndefined();
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/; HttpOnly']);
    expect(response.headers.get('x-fixture')).toBe('yes');
  });

  it('round-trips a binary body through base64 in both directions', async () => {
    // Prepare
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

    // Act
    const response = await fetch(`${base}/binary`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });

    // Assess
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('sends a UTF-8 text body as text, not base64', async () => {
    const event = await echo('/t', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ü":1}',
    });
    expect(event).toMatchObject({ body: '{"ü":1}', isBase64Encoded: false });
  });

  it('answers 413 JSON for a body over 10 MB and keeps serving', async () => {
    // Act
    const response = await fetch(`${base}/big`, { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024 + 1, 97) });

    // Assess
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
    await echo('/after-413');
  });

  it.each([
    ['a body of exactly 10 MB', 'text/plain', 10 * 1024 * 1024],
    ['a 4.5 MiB binary body (6 MiB base64 and more)', 'application/octet-stream', 4.5 * 1024 * 1024],
  ])('answers 500 {"message":"Internal Server Error"} for %s: an event Lambda refuses', async (_, type, size) => {
    // Act
    failures.length = 0;
    const body = Buffer.alloc(size, 97);
    const response = await fetch(`${base}/body-size`, { method: 'POST', headers: { 'content-type': type }, body });

    // Assess
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(String(failures[0])).toContain(`over Lambda's ${MAX_INVOKE_REQUEST_BYTES}-byte limit`);
    await echo('/after-500');
  });

  it("carries the apps' largest upload: a 6,000,000-byte JSON body, and a 4 MiB binary one as base64", async () => {
    // Act
    const json = JSON.stringify({ content: 'A'.repeat(6_000_000 - 14) });
    const asJson = await fetch(`${base}/body-size`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: json,
    });
    const binary = await fetch(`${base}/body-size`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(4 * 1024 * 1024, 1),
    });

    // Assess
    expect([asJson.status, await asJson.text()]).toEqual([200, '6000000']);
    expect([binary.status, await binary.text()]).toEqual([200, String(Math.ceil((4 * 1024 * 1024) / 3) * 4)]);
  });

  it('answers 502 {"message":"Internal Server Error"} for a response over Lambda\'s 6 MiB + 100 bytes', async () => {
    // Act
    failures.length = 0;
    const over = await fetch(`${base}/big-response?bytes=${MAX_INVOKE_RESPONSE_BYTES}`);
    const within = await fetch(`${base}/big-response?bytes=${MAX_INVOKE_RESPONSE_BYTES - 100}`);

    // Assess
    expect([over.status, await over.json()]).toEqual([502, { message: 'Internal Server Error' }]);
    expect(String(failures[0])).toContain(`over Lambda's ${MAX_INVOKE_RESPONSE_BYTES}-byte limit`);
    expect([within.status, (await within.text()).length]).toEqual([200, MAX_INVOKE_RESPONSE_BYTES - 100]);
  });

  it.each(['/throw', '/garbage', '/nothing', '/bad-status', '/crash'])(
    'answers 502 {"message":"Internal Server Error"} when the handler fails at %s',
    async (path) => {
      // Prepare
      const reported = failures.length;

      // Act
      const response = await fetch(`${base}${path}`);

      // Assess
      expect(response.status).toBe(502);
      expect(failures.length).toBe(reported + 1);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ message: 'Internal Server Error' });
      await echo('/after-failure');
    },
  );

  it.each([
    ['/bare-string', 'hello'],
    ['/bare-object', '{"hello":"world"}'],
  ])('answers 200 JSON for a result without statusCode (%s), as API Gateway guesses', async (path, body) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe(body);
  });

  it('survives clients that disconnect while uploading and while the handler runs', async () => {
    // Act: one client stops mid-body, another leaves while the function is busy
    await new Promise<void>((resolve) => {
      const req = request(`${base}/upload`, { method: 'POST', headers: { 'content-length': '1000000' } });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(1000, 1), () =>
        setImmediate(() => {
          req.destroy();
          resolve();
        }),
      );
    });
    await new Promise<void>((resolve) => {
      const req = request(`${base}/slow?ms=300`, { method: 'GET' });
      req.on('error', () => resolve());
      req.end(() =>
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 50),
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 400));

    // Assess
    const event = await echo('/after-disconnect');
    expect(event.rawPath).toBe('/after-disconnect');
  });

  it('queues requests beyond the pool size and answers every one', async () => {
    const results = await Promise.all([
      fetch(`${base}/slow?ms=300`),
      fetch(`${base}/slow?ms=300`),
      fetch(`${base}/slow?ms=300`),
      fetch(`${base}/slow?ms=300`),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });
});

describe('gateway without a $default route', () => {
  it('answers 404 {"message":"Not Found"} where no route matches', async () => {
    const gateway = await startGateway({
      routes: [{ routeKey: 'GET /only' }],
      port: 0,
      invoke: async () => ({ statusCode: 204 }),
    });
    try {
      const missing = await fetch(`http://127.0.0.1:${gateway.port}/other`);
      const found = await fetch(`http://127.0.0.1:${gateway.port}/only`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ message: 'Not Found' });
      expect(found.status).toBe(204);
    } finally {
      await gateway.close();
    }
  });
});

describe('gateway and the Host header (DNS rebinding)', () => {
  let gateway: Gateway;
  let invoked = 0;
  beforeAll(async () => {
    gateway = await startGateway({
      routes: [{ routeKey: '$default' }],
      port: 0,
      invoke: async () => ((invoked += 1), { statusCode: 204 }),
    });
  });
  afterAll(() => gateway.close());

  function statusFor(host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(
        `http://127.0.0.1:${gateway.port}/Home`,
        { headers: { host: host.replace('PORT', String(gateway.port)) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  it.each(['evil.example:PORT', 'evil.example', 'localhost.evil.example:PORT', '127.0.0.1.nip.io:PORT', 'localhost:1'])(
    'answers 421 without invoking a function for a request addressed to %s',
    async (host) => {
      // Prepare
      const before = invoked;
      // Act
      const status = await statusFor(host);
      // Assess
      expect(status).toBe(421);
      expect(invoked).toBe(before);
    },
  );

  it.each(['localhost:PORT', '127.0.0.1:PORT', '[::1]:PORT'])('serves a request addressed to %s', async (host) => {
    expect(await statusFor(host)).toBe(204);
  });
});
