/**
 * @module The MCP Lambda served over real HTTP the way API Gateway serves it: each request becomes a
 * payload 2.0 event (`createApiGatewayV2Event`), goes through the Lambda handler, and the result is
 * written back (`decodeApiGatewayV2Result`).
 */
import { createServer, type Server } from 'node:http';
import {
  createApiGatewayV2Event,
  decodeApiGatewayV2Result,
  type ApiGatewayV2Event,
  type ApiGatewayV2Result,
} from '@wikibot/lambda-http';

/** A running local gateway. */
export interface LocalGateway {
  /** `http://127.0.0.1:<port>`: use it as PUBLIC_ORIGIN. */
  readonly url: string;
  /** Sets the Lambda handler requests go to (the app needs the URL first). */
  use(handler: (event: ApiGatewayV2Event) => Promise<ApiGatewayV2Result>): void;
  close(): Promise<void>;
}

/** Starts the gateway on 127.0.0.1 at a random port. */
export async function startLocalGateway(): Promise<LocalGateway> {
  let lambda: ((event: ApiGatewayV2Event) => Promise<ApiGatewayV2Result>) | undefined;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = (req.url ?? '/').split('?')[0];
    const routeKey =
      path === '/mcp' ? 'ANY /mcp' : path.startsWith('/.well-known/') ? 'ANY /.well-known/{proxy+}' : '$default';
    const event = createApiGatewayV2Event({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks),
      routeKey,
      ...(routeKey.includes('proxy+') ? { pathParameters: { proxy: path.slice('/.well-known/'.length) } } : {}),
    });
    if (!lambda) {
      res.writeHead(503).end();
      return;
    }
    const { status, headers, body } = decodeApiGatewayV2Result(await lambda(event));
    res.writeHead(status, headers.flat());
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    use(handler) {
      lambda = handler;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
