/**
 * @module For running otterwiki-api's own test suite (tests/test_api.py, which expects a fresh repository per
 * test) against this wiki over HTTP: a control server on 127.0.0.1 whose `POST /new` starts a fresh wiki (new
 * git repository, API key `PEER_API_KEY`) behind its own port and answers its origin; `POST /close?origin=…`
 * stops it. Run with `node --import tsx tests/peer/serve-fresh-wikis.ts`; it prints `listening <origin>`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApiServer, type ApiServer } from '../helpers/api-over-http.js';

const key = process.env.PEER_API_KEY ?? 'test-api-key-xyz';
const running = new Map<string, ApiServer>();

const control = createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (req.method === 'POST' && url.pathname === '/new') {
        const wiki = await startApiServer(key);
        running.set(wiki.origin, wiki);
        res.writeHead(200, { 'content-type': 'text/plain' }).end(wiki.origin);
        return;
      }
      if (req.method === 'POST' && url.pathname === '/close') {
        const origin = url.searchParams.get('origin') ?? '';
        await running.get(origin)?.close();
        running.delete(origin);
        res.writeHead(204).end();
        return;
      }
      res.writeHead(404).end();
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  })();
});

control.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${(control.address() as AddressInfo).port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.all([...running.values()].map((w) => w.close())).finally(() => process.exit(0));
  });
}
