/**
 * GET /api/v1/semantic-search as the otterwiki-semantic-search plugin answers it (the endpoint otterwiki-mcp's client
 * calls), with the wiki's Bedrock client against the Bedrock stand-in and the real local model.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@wikibot/auth-config';
import { titanEmbeddingsFor } from '@wikibot/bedrock';
import { startBedrockStandin, type BedrockStandin } from '@wikibot/bedrock-standin';
import { Wiki } from '@wikibot/wiki-core';
import { createWikiApp } from '../../src/app.js';
import { API_KEY, ORIGIN, POLICY } from '../helpers/wiki-app.js';

const AWS = { region: 'eu-west-1', accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
let bedrock: BedrockStandin;
let dir: string;
let app: ReturnType<typeof createWikiApp>;

const get = (query: string, token: string | null = API_KEY): Promise<Response> =>
  app.fetch(
    new Request(`${ORIGIN}/api/v1/semantic-search${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
  );

beforeAll(async () => {
  bedrock = await startBedrockStandin({ region: AWS.region, credentials: AWS });
  dir = await mkdtemp(join(tmpdir(), 'wikibot-semantic-api-'));
  const config = loadConfig({
    PUBLIC_ORIGIN: ORIGIN,
    AUTHKIT_DOMAIN: 'https://authkit.example.com',
    ACCESS_POLICY: JSON.stringify(POLICY),
    WIKI_DATA_DIR: dir,
    MCP_API_KEY: API_KEY,
    WIKI_READ_ACCESS: 'signed-in',
    BEDROCK_REGION: AWS.region,
    BEDROCK_ENDPOINT: bedrock.url,
  });
  const wiki = await Wiki.open({ dir, durable: false, embeddings: titanEmbeddingsFor(config.embeddings, AWS) });
  const author = { name: 'Ann', email: 'ann@example.com' };
  await wiki.writePage(
    'Guides/Undo',
    '# Undoing commits\n\n## Keep the changes\n\nUse git reset --soft to move the branch back one commit.',
    { author },
  );
  await wiki.writePage('Weather', '# Weather\n\nSunny days and rain showers in the south of France this week.', {
    author,
  });
  await wiki.flush();
  app = createWikiApp({ config, wiki, log: () => {} });
}, 60_000);
afterAll(async () => {
  await bedrock.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /api/v1/semantic-search', () => {
  it("answers with the plugin's fields: nearest chunk first, at most n", async () => {
    // Act
    const response = await get('?q=will+it+rain+tomorrow&n=2');
    // Assess
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      query: string;
      total: number;
      mode: string;
      results: Record<string, unknown>[];
    };
    expect(body).toMatchObject({ query: 'will it rain tomorrow', total: 2, mode: 'semantic' });
    expect(body.results[0]).toMatchObject({
      name: 'Weather',
      path: 'Weather',
      section: 'Weather',
      section_path: 'Weather',
      chunk_index: 0,
      total_chunks: 1,
      page_word_count: 13,
    });
    expect(body.results[0]!.text).toContain('rain showers');
    const [first, second] = body.results.map((r) => r.distance as number);
    expect(first).toBeLessThan(second!);
  });

  it('fuses with keyword ranks when mode=hybrid', async () => {
    const body = (await (await get('?q=reset&mode=hybrid&n=1')).json()) as {
      mode: string;
      results: { path: string }[];
    };
    expect(body.mode).toBe('hybrid');
    expect(body.results[0]!.path).toBe('Guides/Undo');
  });

  it('clamps n and max_chunks_per_page, and falls back to defaults for non-numbers, as the plugin does', async () => {
    const body = (await (await get('?q=commit&n=abc&max_chunks_per_page=99')).json()) as { total: number };
    expect(body.total).toBe(3);
  });

  it.each([
    ['no query', '', 422],
    ['an empty query', '?q=%20', 422],
    ['an unknown mode', '?q=x&mode=fuzzy', 400],
  ])('refuses %s', async (_name, query, status) => {
    expect((await get(query)).status).toBe(status);
  });

  it('needs a credential on a signed-in wiki, and refuses other methods', async () => {
    expect((await get('?q=rain', null)).status).toBe(401);
    const post = await app.fetch(
      new Request(`${ORIGIN}/api/v1/semantic-search?q=x`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}` },
      }),
    );
    expect(post.status).toBe(405);
  });

  it('answers 200 with keyword results and a note while Bedrock fails', async () => {
    bedrock.failNext(503, 'ServiceUnavailableException', 50);
    const response = await get('?q=reset');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { mode: string; note: string; results: Record<string, unknown>[] };
    expect(body.mode).toBe('lexical');
    expect(body.note).toMatch(/unavailable/);
    expect(body.results[0]).toMatchObject({ path: 'Guides/Undo' });
    expect(body.results[0]!.distance).toBeUndefined();
    expect(typeof body.results[0]!.score).toBe('number');
  });
});
