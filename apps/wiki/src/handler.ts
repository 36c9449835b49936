/**
 * @module Lambda entry point: adapts API Gateway payload 2.0 events to the app's fetch handler.
 */
import { createLambdaHandler } from '@wikibot/lambda-http';

export const handler = createLambdaHandler(async () =>
  Response.json({ error: 'not_implemented', message: 'skeleton' }, { status: 501 }),
);
