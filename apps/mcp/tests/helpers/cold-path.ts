/**
 * A fresh container's first request, for the cold-path test: `tsx tests/helpers/cold-path.ts <prm|initialize|tool>`
 * runs the Lambda entry (src/handler.ts) on one event, with the environment the test gives it. It adds to LOAD_LOG
 * the status (`status:<n>`) and, at exit, Node's own modules it loaded (`node:<module>`, from
 * `process.moduleLoadList`), which the module hooks recording the rest do not see — undici among them. Exits 0
 * when the request got a 200.
 */
import { appendFileSync } from 'node:fs';
import { createApiGatewayV2Event } from '@wikibot/lambda-http';
import { handler } from '../../src/handler.js';

const [kind = 'prm'] = process.argv.slice(2);
/** Node's list of its own modules loaded so far (undocumented, stable since Node 0.x; not in @types/node). */
const nodeModules = (): string[] => (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
process.on('exit', () => {
  appendFileSync(
    process.env.LOAD_LOG!,
    nodeModules()
      .map((entry) => `node:${entry.split(' ').pop()}\n`)
      .join(''),
  );
});
const rpc = (method: string, params: unknown) =>
  createApiGatewayV2Event({
    method: 'POST',
    url: '/mcp',
    routeKey: 'ANY /mcp',
    headers: {
      host: 'wiki.example.com',
      authorization: 'Bearer cold-path-key',
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
const event =
  kind === 'prm'
    ? createApiGatewayV2Event({
        method: 'GET',
        url: '/.well-known/oauth-protected-resource/mcp',
        routeKey: 'ANY /.well-known/{proxy+}',
        pathParameters: { proxy: 'oauth-protected-resource/mcp' },
        headers: { host: 'wiki.example.com' },
      })
    : kind === 'initialize'
      ? rpc('initialize', {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'cold', version: '1' },
        })
      : rpc('tools/call', { name: 'list_notes', arguments: {} });
const result = await handler(event);
appendFileSync(process.env.LOAD_LOG!, `status:${result.statusCode}\n`);
process.exitCode = result.statusCode === 200 ? 0 : 1;
