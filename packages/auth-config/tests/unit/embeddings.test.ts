import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig, loadEmbeddingsConfig } from '../../src/index.js';

describe('loadEmbeddingsConfig', () => {
  it('is off without BEDROCK_REGION', () => {
    expect(loadEmbeddingsConfig({})).toBeUndefined();
    expect(loadEmbeddingsConfig({ BEDROCK_EMBEDDING_DIMENSIONS: '256' })).toBeUndefined();
  });

  it('defaults to Titan V2 at 512 dimensions on the regional endpoint', () => {
    expect(loadEmbeddingsConfig({ BEDROCK_REGION: 'eu-west-1' })).toEqual({
      region: 'eu-west-1',
      modelId: 'amazon.titan-embed-text-v2:0',
      dimensions: 512,
      endpoint: 'https://bedrock-runtime.eu-west-1.amazonaws.com',
    });
  });

  it('takes the model, dimensions and a local endpoint from the environment', () => {
    const config = loadEmbeddingsConfig({
      BEDROCK_REGION: 'us-east-1',
      BEDROCK_EMBEDDING_MODEL_ID: 'amazon.titan-embed-text-v2:0',
      BEDROCK_EMBEDDING_DIMENSIONS: '1024',
      BEDROCK_ENDPOINT: 'http://127.0.0.1:4010/',
    });
    expect(config).toMatchObject({ dimensions: 1024, endpoint: 'http://127.0.0.1:4010' });
  });

  it.each([
    ['BEDROCK_REGION', { BEDROCK_REGION: 'Ireland' }],
    ['BEDROCK_EMBEDDING_DIMENSIONS', { BEDROCK_REGION: 'eu-west-1', BEDROCK_EMBEDDING_DIMENSIONS: '384' }],
    ['BEDROCK_EMBEDDING_MODEL_ID', { BEDROCK_REGION: 'eu-west-1', BEDROCK_EMBEDDING_MODEL_ID: 'a/b?c' }],
    ['BEDROCK_ENDPOINT', { BEDROCK_REGION: 'eu-west-1', BEDROCK_ENDPOINT: 'http://bedrock.example.com' }],
    ['BEDROCK_ENDPOINT', { BEDROCK_REGION: 'eu-west-1', BEDROCK_ENDPOINT: 'https://x.example.com/model' }],
  ])('refuses a bad %s', (setting, env) => {
    expect(() => loadEmbeddingsConfig(env)).toThrow(ConfigError);
    try {
      loadEmbeddingsConfig(env);
    } catch (error) {
      expect((error as ConfigError).setting).toBe(setting);
    }
  });

  it('is part of the one runtime configuration', () => {
    const base = {
      PUBLIC_ORIGIN: 'https://wiki.example.com',
      AUTHKIT_DOMAIN: 'example.authkit.app',
      ACCESS_POLICY: '{"writers":["@example.com"]}',
      WIKI_DATA_DIR: '/tmp/w',
    };
    expect(loadConfig(base).embeddings).toBeUndefined();
    expect(loadConfig({ ...base, BEDROCK_REGION: 'eu-west-1' }).embeddings?.dimensions).toBe(512);
  });
});
