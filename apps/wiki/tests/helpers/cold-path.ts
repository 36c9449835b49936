/**
 * A fresh container's first request, for the cold-path test: `tsx tests/helpers/cold-path.ts <path> [POST <form>]`
 * runs the Lambda entry (src/handler.ts) on one `GET <path>` event (or a same-origin form POST), with the
 * environment the test gives it, as an anonymous reader. It adds to LOAD_LOG the status (`status:<n>`) and, at
 * exit, Node's own modules it loaded (`node:<module>`, from `process.moduleLoadList`), which the module hooks
 * recording the rest do not see — undici among them. Exits 0 when the request was answered.
 */
import { appendFileSync } from 'node:fs';
import { createApiGatewayV2Event } from '@wikibot/lambda-http';
import { handler } from '../../src/handler.js';

const [path = '/Home', method = 'GET', body] = process.argv.slice(2);
const log = process.env.LOAD_LOG!;
/** Node's list of its own modules loaded so far (undocumented, stable since Node 0.x; not in @types/node). */
const nodeModules = (): string[] => (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
process.on('exit', () => {
  appendFileSync(
    log,
    nodeModules()
      .map((entry) => `node:${entry.split(' ').pop()}\n`)
      .join(''),
  );
});
const form =
  method === 'POST' ? { origin: 'https://wiki.example.com', 'content-type': 'application/x-www-form-urlencoded' } : {};
const result = await handler(
  createApiGatewayV2Event({
    method,
    url: path,
    headers: { host: 'wiki.example.com', accept: 'text/html', ...form },
    body,
  }),
);
appendFileSync(log, `status:${result.statusCode}\n`);
