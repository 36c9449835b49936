/**
 * @module Lambda entry point: adapts API Gateway payload 2.0 events to the app's fetch handler. The app
 * is created on the first event, once per container, from the environment read here and nowhere else.
 */
import { loadConfig } from '@wikibot/auth-config';
import { awsAccessFromEnv } from '@wikibot/identity';
import { createLambdaHandler } from '@wikibot/lambda-http';
import { createApp } from './app.js';
import { logError } from './http/log.js';
import { writeStdoutLine as log } from './http/stdout-line.js';

export const handler = createLambdaHandler(
  async () => createApp(loadConfig(process.env), { aws: awsAccessFromEnv(process.env), log }).fetch,
  { lazy: true, onError: (error) => logError(log, 'startup or request failed', error) },
);
