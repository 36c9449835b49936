/**
 * @module Serves a fetch app over real HTTP on 127.0.0.1 the way API Gateway would reach the Lambda:
 * each request becomes a payload 2.0 event, goes through `createLambdaHandler`, and the result is
 * written back. Lets e2e tests drive the wiki with a plain HTTP client, as a browser would.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createApiGatewayV2Event,
  createLambdaHandler,
  decodeApiGatewayV2Result,
  type FetchHandler,
} from '@wikibot/lambda-http';

export interface ServedApp {
  readonly origin: string;
  /** Installs the app (the server may start before the app exists, so its origin can be configured). */
  setApp(app: FetchHandler): void;
  close(): Promise<void>;
}

/** Starts the server on a free port. */
export async function serveOverHttp(): Promise<ServedApp> {
  let handler: ReturnType<typeof createLambdaHandler> | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (!handler) {
          res.writeHead(503).end();
          return;
        }
        const event = createApiGatewayV2Event({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks),
        });
        const { status, headers, body } = decodeApiGatewayV2Result(await handler(event));
        res.statusCode = status;
        for (const [name, value] of headers) res.appendHeader(name, value);
        res.end(body);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setApp(app) {
      handler = createLambdaHandler(app);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
