/**
 * A fresh container's first request, for the cold-path test: `tsx tests/helpers/cold-path.ts <path>` runs the
 * Lambda entry (src/handler.ts) on one `GET <path>` event, with the environment the test gives it, as an
 * anonymous reader. Exits 0 when the request answered 200.
 */
import { createApiGatewayV2Event } from '@wikibot/lambda-http';
import { handler } from '../../src/handler.js';

const [path = '/Home'] = process.argv.slice(2);
const result = await handler(
  createApiGatewayV2Event({ method: 'GET', url: path, headers: { host: 'wiki.example.com', accept: 'text/html' } }),
);
process.exitCode = result.statusCode === 200 ? 0 : 1;
