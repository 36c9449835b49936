import { describe, expect, it } from '@jest/globals';
import { localEnvironment, type LocalOverrides } from '../../src/environment.js';

const OVERRIDES: LocalOverrides = {
  publicOrigin: 'http://localhost:8787',
  wikiDataDir: '/tmp/wiki',
  authkitDomain: 'http://localhost:8788',
  authkitClientId: 'client_local',
  workosApiHostname: 'http://localhost:8788',
  accessPolicy: '{"writers":["*"]}',
  secrets: { WORKOS_API_KEY: 'sk_local' },
};

/** What the dev stack hands a function: a Bedrock region and model for semantic search among the rest. */
const STACK_ENVIRONMENT = {
  PUBLIC_ORIGIN: 'https://dev.wikibot.io',
  WORKOS_API_KEY_PARAMETER: '/wikibot/dev/workos-api-key',
  BEDROCK_REGION: 'eu-west-1',
  BEDROCK_EMBEDDING_MODEL_ID: 'amazon.titan-embed-text-v2:0',
  BEDROCK_EMBEDDING_DIMENSIONS: '512',
};

describe("localEnvironment and the stack's Bedrock settings", () => {
  it('drops BEDROCK_* when there is no local stand-in, so no function calls AWS', () => {
    // Act
    const env = localEnvironment('mcp', '/task', STACK_ENVIRONMENT, OVERRIDES);

    // Assess
    expect(Object.keys(env).filter((key) => key.startsWith('BEDROCK_'))).toEqual([]);
    expect(env.WORKOS_API_KEY).toBe('sk_local');
  });

  it('keeps the model settings and points BEDROCK_ENDPOINT at the local stand-in when there is one', () => {
    // Act
    const env = localEnvironment('mcp', '/task', STACK_ENVIRONMENT, {
      ...OVERRIDES,
      bedrockEndpoint: 'http://127.0.0.1:8790',
    });

    // Assess
    expect(env).toMatchObject({
      BEDROCK_REGION: 'eu-west-1',
      BEDROCK_EMBEDDING_MODEL_ID: 'amazon.titan-embed-text-v2:0',
      BEDROCK_EMBEDDING_DIMENSIONS: '512',
      BEDROCK_ENDPOINT: 'http://127.0.0.1:8790',
    });
  });
});
