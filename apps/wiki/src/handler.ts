/**
 * @module Lambda entry point: builds the app once per container from the environment, then adapts API
 * Gateway payload 2.0 events to its fetch handler. The only place the wiki reads `process.env`.
 */
import { loadConfig } from '@wikibot/auth-config';
import { awsAccessFromEnv, createSecretResolver, createUserDirectory } from '@wikibot/identity';
import { createLambdaHandler } from '@wikibot/lambda-http';
import { Wiki } from '@wikibot/wiki-core';
import { createWikiApp } from './app.js';

export const handler = createLambdaHandler(
  async () => {
    const config = loadConfig(process.env);
    const secrets = createSecretResolver({ aws: awsAccessFromEnv(process.env) });
    const workosKey = config.secrets.workosApiKey;
    const directory =
      config.policy.organization && workosKey
        ? createUserDirectory({ apiKey: () => secrets.resolve(workosKey), apiHostname: config.workosApiHostname })
        : undefined;
    const wiki = await Wiki.open({ dir: config.dataDir });
    return createWikiApp({ config, wiki, secrets, directory }).fetch;
  },
  { lazy: true, onError: (error) => console.error(JSON.stringify({ level: 'error', msg: 'wiki handler failed', error: String(error) })) },
);
