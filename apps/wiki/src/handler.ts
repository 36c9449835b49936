/**
 * @module Lambda entry point: builds the app once per container from the environment, then adapts API
 * Gateway payload 2.0 events to its fetch handler. The only place the wiki reads `process.env`.
 * The secret resolver and the WorkOS directory are made on first use (see identity.ts), so a cold start
 * serving a page to an anonymous reader loads neither.
 */
import { loadConfig } from '@wikibot/auth-config';
import { createLambdaHandler } from '@wikibot/lambda-http';
import { Wiki } from '@wikibot/wiki-core';
import { createWikiApp } from './app.js';
import { lazySecretResolver, lazyUserDirectory } from './identity.js';

export const handler = createLambdaHandler(
  async () => {
    const env = process.env;
    const config = loadConfig(env);
    const secrets = lazySecretResolver((identity) =>
      identity.createSecretResolver({ aws: identity.awsAccessFromEnv(env) }),
    );
    const workosKey = config.secrets.workosApiKey;
    const directory =
      config.policy.organization && workosKey
        ? lazyUserDirectory((identity) =>
            identity.createUserDirectory({
              apiKey: () => secrets.resolve(workosKey),
              apiHostname: config.workosApiHostname,
            }),
          )
        : undefined;
    // Semantic search's model, only when BEDROCK_* is set; both modules then load here, once per container.
    const embeddings = config.embeddings
      ? (await import('@wikibot/bedrock')).titanEmbeddingsFor(
          config.embeddings,
          (await import('@wikibot/identity')).awsAccessFromEnv(env),
        )
      : undefined;
    const wiki = await Wiki.open({ dir: config.dataDir, embeddings, retainPageNameCase: config.retainPageNameCase });
    return createWikiApp({ config, wiki, secrets, directory }).fetch;
  },
  {
    lazy: true,
    onError: (error) =>
      console.error(JSON.stringify({ level: 'error', msg: 'wiki handler failed', error: String(error) })),
  },
);
