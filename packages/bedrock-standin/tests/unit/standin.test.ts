/**
 * The stand-in's wire format: what it accepts and refuses as Bedrock would, signature checks, sizes, health.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AwsClient } from 'aws4fetch';
import { startBedrockStandin, type BedrockStandin, type SentenceEncoder } from '../../src/index.js';

/** A deterministic encoder so these tests check the wire, not the model (the model is tested in @wikibot/bedrock). */
const counting: SentenceEncoder = {
  name: 'counting',
  dimensions: 512,
  embed: async (texts) =>
    texts.map(() => Float32Array.from({ length: 512 }, (_, i) => (i % 2 === 0 ? 1 : -1) * (i + 1))),
};

let standin: BedrockStandin;
let signed: AwsClient;
const MODEL = 'amazon.titan-embed-text-v2:0';

beforeAll(async () => {
  standin = await startBedrockStandin({ region: 'eu-west-1', encoder: counting });
  signed = new AwsClient({
    accessKeyId: 'AKID',
    secretAccessKey: 'secret',
    service: 'bedrock',
    region: 'eu-west-1',
    retries: 0,
  });
});
afterAll(() => standin.close());

const invoke = (body: unknown, model = MODEL): Promise<Response> =>
  signed.fetch(`${standin.url}/model/${encodeURIComponent(model)}/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('bedrock stand-in', () => {
  it('answers InvokeModel with Titan V2 response fields, normalised, at 1024 dimensions by default', async () => {
    const response = await invoke({ inputText: 'Hello, world!' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      embedding: number[];
      inputTextTokenCount: number;
      embeddingsByType: { float: number[] };
    };
    expect(body.embedding).toHaveLength(1024);
    expect(body.embedding.slice(512).every((x) => x === 0)).toBe(true);
    expect(Math.hypot(...body.embedding)).toBeCloseTo(1, 5);
    expect(body.embeddingsByType.float).toEqual(body.embedding);
    expect(body.inputTextTokenCount).toBe(4);
    expect(response.headers.get('x-amzn-bedrock-input-token-count')).toBe('4');
  });

  it.each([256, 512])('returns %i dimensions when asked, unit length', async (dimensions) => {
    const body = (await (await invoke({ inputText: 'x', dimensions, normalize: true })).json()) as {
      embedding: number[];
    };
    expect(body.embedding).toHaveLength(dimensions);
    expect(Math.hypot(...body.embedding)).toBeCloseTo(1, 5);
  });

  it('returns the raw vector when normalize is false', async () => {
    const body = (await (await invoke({ inputText: 'x', dimensions: 256, normalize: false })).json()) as {
      embedding: number[];
    };
    expect(body.embedding[0]).toBe(1);
    expect(body.embedding[1]).toBe(-2);
  });

  it.each([
    ['an unknown key', { inputText: 'x', texts: ['y'] }, /extraneous key \[texts\]/],
    ['an empty text', { inputText: '' }, /inputText/],
    ['a text over 50,000 characters', { inputText: 'a'.repeat(50_001) }, /inputText/],
    ['unsupported dimensions', { inputText: 'x', dimensions: 384 }, /dimensions/],
    ['a non-boolean normalize', { inputText: 'x', normalize: 'yes' }, /normalize/],
    ['a body that is not JSON', '{inputText', /Malformed input request/],
  ])('refuses %s with a ValidationException', async (_name, body, message) => {
    const response = await invoke(body);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^ValidationException:/);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
  });

  it('refuses an unknown model id', async () => {
    const response = await invoke({ inputText: 'x' }, 'amazon.titan-embed-text-v1');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe('The provided model identifier is invalid.');
  });

  it('refuses unsigned requests and signatures for another service or region', async () => {
    const url = `${standin.url}/model/${MODEL}/invoke`;
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"inputText":"x"}' };
    const unsigned = await fetch(url, init);
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-errortype')).toMatch(/^UnrecognizedClientException:/);
    const ssm = new AwsClient({ accessKeyId: 'A', secretAccessKey: 'B', service: 'ssm', region: 'eu-west-1' });
    expect(((await (await ssm.fetch(url, init)).json()) as { message: string }).message).toMatch(/service "ssm"/);
    const west = new AwsClient({ accessKeyId: 'A', secretAccessKey: 'B', service: 'bedrock', region: 'us-west-2' });
    expect(((await (await west.fetch(url, init)).json()) as { message: string }).message).toMatch(/region "us-west-2"/);
  });

  it('verifies signatures exactly when it knows the secret', async () => {
    const strict = await startBedrockStandin({
      region: 'eu-west-1',
      encoder: counting,
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    });
    const url = `${strict.url}/model/${MODEL}/invoke`;
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"inputText":"x"}' };
    const good = await signed.fetch(url, init);
    const forged = new AwsClient({
      accessKeyId: 'AKID',
      secretAccessKey: 'guess',
      service: 'bedrock',
      region: 'eu-west-1',
    });
    const bad = await forged.fetch(url, init);
    await strict.close();
    expect(good.status).toBe(200);
    expect(bad.status).toBe(403);
  });

  it('fails on purpose when told to, then recovers', async () => {
    standin.failNext(429, 'ThrottlingException', 2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await invoke({ inputText: 'x' })).status);
    expect(statuses).toEqual([429, 429, 200]);
  });

  it('reports its model on /health and 404s anything else', async () => {
    expect(await (await fetch(`${standin.url}/health`)).json()).toEqual({ model: 'counting', dimensions: 512 });
    expect((await fetch(`${standin.url}/model/${MODEL}/converse`, { method: 'POST' })).status).toBe(404);
  });
});
