/**
 * The production Titan client against the Bedrock stand-in (real HTTP, real SigV4 verification, the real local
 * model): signatures, error handling, retries, concurrency, the circuit breaker, and a wiki degrading to keyword
 * results when Bedrock is down.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEmbeddingsConfig } from '@wikibot/auth-config';
import {
  startBedrockStandin,
  universalSentenceEncoder,
  type BedrockStandin,
  type SentenceEncoder,
} from '@wikibot/bedrock-standin';
import { Wiki } from '@wikibot/wiki-core';
import { BedrockError, createTitanEmbeddings } from '../../src/index.js';

const AWS = {
  region: 'eu-west-1',
  accessKeyId: 'AKIDLOCAL',
  secretAccessKey: 'local-secret',
  sessionToken: 'local-session',
};
const model = universalSentenceEncoder();
let standin: BedrockStandin;

beforeAll(async () => {
  standin = await startBedrockStandin({ region: AWS.region, credentials: AWS, encoder: model });
});
afterAll(() => standin.close());

function provider(overrides: Record<string, string> = {}, options: { backoffMs?: number; openMs?: number } = {}) {
  const config = loadEmbeddingsConfig({ BEDROCK_REGION: AWS.region, BEDROCK_ENDPOINT: standin.url, ...overrides })!;
  return createTitanEmbeddings({
    config,
    aws: AWS,
    backoffMs: options.backoffMs ?? 5,
    openMs: options.openMs ?? 60_000,
  });
}

function cosine(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, x, i) => sum + x * b[i]!, 0);
}

describe('createTitanEmbeddings', () => {
  it('embeds through signed InvokeModel calls: unit vectors, paraphrases nearer than unrelated text', async () => {
    // Act
    const [undo, revert, weather] = await provider().embed(
      [
        'How do I undo my last commit?',
        'Revert the most recent change recorded in the repository',
        'It is sunny in Paris today',
      ],
      'document',
    );
    // Assess
    expect(undo).toHaveLength(512);
    expect(cosine(undo!, undo!)).toBeCloseTo(1, 4);
    expect(cosine(undo!, revert!)).toBeGreaterThan(cosine(undo!, weather!) + 0.2);
  }, 30_000);

  it('asks for the configured dimensions', async () => {
    const [v256] = await provider({ BEDROCK_EMBEDDING_DIMENSIONS: '256' }).embed(['hello'], 'query');
    expect(v256).toHaveLength(256);
    expect(provider({ BEDROCK_EMBEDDING_DIMENSIONS: '1024' }).id).toBe('amazon.titan-embed-text-v2:0/1024');
  });

  it('fails without retrying when the signature is wrong', async () => {
    const config = loadEmbeddingsConfig({ BEDROCK_REGION: AWS.region, BEDROCK_ENDPOINT: standin.url })!;
    const wrong = createTitanEmbeddings({ config, aws: { ...AWS, secretAccessKey: 'not-the-secret' }, backoffMs: 5 });
    const before = standin.calls;
    const error = await wrong.embed(['x'], 'document').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BedrockError);
    expect(error).toMatchObject({ type: 'UnrecognizedClientException', retryable: false });
    expect(standin.calls - before).toBe(1);
  });

  it('signs for the configured region: another region is refused', async () => {
    const error = await provider({ BEDROCK_REGION: 'us-west-2' })
      .embed(['x'], 'document')
      .catch((e: unknown) => e);
    expect((error as BedrockError).message).toMatch(/region "us-west-2"/);
  });

  it('retries throttling and server faults with backoff, then succeeds', async () => {
    const before = standin.calls;
    standin.failNext(429, 'ThrottlingException');
    standin.failNext(503, 'ServiceUnavailableException');
    const [vector] = await provider().embed(['retry me'], 'document');
    expect(vector).toHaveLength(512);
    expect(standin.calls - before).toBe(3);
  });

  it('does not retry a refused request', async () => {
    const before = standin.calls;
    const error = await provider({ BEDROCK_EMBEDDING_MODEL_ID: 'amazon.titan-embed-text-v1' })
      .embed(['x'], 'document')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ type: 'ValidationException', retryable: false });
    expect(standin.calls - before).toBe(1);
  });

  it('gives up after its retries and then fails fast while the circuit is open', async () => {
    // Prepare
    const titan = provider();
    standin.failNext(500, 'InternalServerException', 5 * 3);
    const before = standin.calls;
    // Act: three documents in turn, each tried 1 + 4 times, open the circuit
    let first: unknown;
    for (const text of ['a', 'b', 'c']) first = await titan.embed([text], 'document').catch((e: unknown) => e);
    const during = standin.calls;
    const second = await titan.embed(['d'], 'query').catch((e: unknown) => e);
    // Assess
    expect(first).toMatchObject({ type: 'InternalServerException', retryable: true });
    expect(during - before).toBe(15);
    expect(second).toMatchObject({ type: 'CircuitOpen' });
    expect(standin.calls).toBe(during);
  });

  it('reports an unreachable endpoint as a retryable network error', async () => {
    const config = loadEmbeddingsConfig({ BEDROCK_REGION: AWS.region, BEDROCK_ENDPOINT: 'http://127.0.0.1:9' })!;
    const titan = createTitanEmbeddings({ config, aws: AWS, backoffMs: 1 });
    await expect(titan.embed(['x'], 'query')).rejects.toMatchObject({ type: 'NetworkError', retryable: true });
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    // Prepare: a slow model that records how many calls overlap
    let active = 0;
    let peak = 0;
    const slow: SentenceEncoder = {
      name: 'slow',
      dimensions: 512,
      async embed(texts) {
        active++;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 20));
        active--;
        return texts.map(() => new Float32Array(512).fill(0.5));
      },
    };
    const local = await startBedrockStandin({ region: AWS.region, encoder: slow });
    const config = loadEmbeddingsConfig({ BEDROCK_REGION: AWS.region, BEDROCK_ENDPOINT: local.url })!;
    // Act
    const vectors = await createTitanEmbeddings({ config, aws: AWS, concurrency: 3 }).embed(
      Array.from({ length: 12 }, (_, i) => `t${i}`),
      'document',
    );
    await local.close();
    // Assess
    expect(vectors).toHaveLength(12);
    expect(peak).toBe(3);
  });
});

describe('a wiki on Bedrock', () => {
  it('finds a paraphrase through the stand-in, and answers with keyword results while Bedrock is down', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'bedrock-wiki-'));
    try {
      const wiki = await Wiki.open({ dir, durable: false, embeddings: provider({}, { openMs: 60_000 }) });
      const author = { name: 'Ann', email: 'ann@example.com' };
      await wiki.writePage(
        'Undo',
        '# Undoing commits\n\nUse git reset to move the branch back one commit and keep the changes.',
        { author },
      );
      await wiki.writePage('Weather', '# Weather\n\nSunny days and rain showers in the south of France this week.', {
        author,
      });
      await wiki.flush();
      // Act
      const found = await wiki.semanticSearch('how can I revert my previous change', { n: 3 });
      standin.failNext(503, 'ServiceUnavailableException', 100);
      const down = await wiki.semanticSearch('commit');
      // Assess
      expect(found.mode).toBe('semantic');
      expect(found.results[0]!.path).toBe('Undo');
      expect(found.results[0]!.distance!).toBeLessThan(found.results[1]!.distance!);
      expect(down.mode).toBe('lexical');
      expect(down.note).toMatch(/unavailable/);
      expect(down.results[0]!.path).toBe('Undo');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
