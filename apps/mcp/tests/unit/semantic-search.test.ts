/**
 * semantic_search over MCP, as otterwiki-mcp names and formats it, answered by the app's own Bedrock client against
 * the Bedrock stand-in (real HTTP, the real local model), and its keyword fallback when Bedrock fails.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startBedrockStandin, type BedrockStandin } from '@wikibot/bedrock-standin';
import { startTestIssuer, type TestIssuer } from '@wikibot/identity/testing';
import { createApp, type App } from '../../src/index.js';
import { formatSemanticResults } from '../../src/tools/semantic-search.js';
import { RESOURCE, tempDir, testConfig } from '../helpers/env.js';
import { callTool } from '../helpers/rpc.js';

const AWS = { region: 'eu-west-1', accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
let issuer: TestIssuer;
let bedrock: BedrockStandin;
let wikiDir: { dir: string; remove: () => Promise<void> };
let app: App;
let token: string;

beforeAll(async () => {
  [issuer, bedrock, wikiDir] = await Promise.all([
    startTestIssuer(),
    startBedrockStandin({ region: AWS.region, credentials: AWS }),
    tempDir(),
  ]);
  const config = testConfig(issuer.issuer, {
    WIKI_DATA_DIR: wikiDir.dir,
    BEDROCK_REGION: AWS.region,
    BEDROCK_ENDPOINT: bedrock.url,
  });
  app = createApp(config, { aws: AWS, log: () => {} });
  token = await issuer.sign({ sub: 'user_ada', aud: RESOURCE, email: 'ada@example.com' });
  const pages = {
    'Guides/Undo':
      '# Undoing commits\n\n## Keep the changes\n\nUse git reset --soft to move the branch back one commit and keep the work staged.',
    Weather: '# Weather\n\nSunny days and rain showers in the south of France this week.',
  };
  for (const [path, content] of Object.entries(pages)) await callTool(app, token, 'write_note', { path, content });
  // Vectors are made in the background after a write; until they are, searches answer with keyword results.
  for (let tries = 0; tries < 60; tries++) {
    const probe = await callTool(app, token, 'semantic_search', { query: 'probe' });
    if (!probe.text.includes('Note:')) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 60_000);
afterAll(async () => {
  await Promise.all([issuer.close(), bedrock.close()]);
  await wikiDir.remove();
});

describe('semantic_search', () => {
  it("returns the closest section in otterwiki-mcp's format", async () => {
    // Act
    const result = await callTool(app, token, 'semantic_search', {
      query: 'how can I revert my previous change',
      n: 2,
    });
    // Assess
    expect(result.isError).toBe(false);
    const lines = result.text.split('\n');
    expect(lines[0]).toBe('2 results for "how can I revert my previous change":');
    expect(lines[2]).toMatch(/^1\. Guides\/Undo \(distance: 0\.\d\d\) \[1\/1\] — \d+ words$/);
    expect(lines[3]).toBe('   Section: Undoing commits > Keep the changes');
    expect(lines[4]).toContain('git reset --soft');
    expect(result.text).toMatch(/\n2\. (Weather|Home) \(distance: /);
  }, 30_000);

  it('clamps n and max_chunks_per_page as the peer does', async () => {
    const result = await callTool(app, token, 'semantic_search', { query: 'rain', n: 999, max_chunks_per_page: 0 });
    expect(result.isError).toBe(false);
    expect(result.text).toMatch(/^3 results for "rain":/);
  });

  it('refuses a call without a query, and unknown argument types', async () => {
    expect((await callTool(app, token, 'semantic_search', {})).isError).toBe(true);
    expect((await callTool(app, token, 'semantic_search', { query: 'x', n: 'five' })).isError).toBe(true);
  });

  it('answers with keyword results and a note while Bedrock fails', async () => {
    bedrock.failNext(503, 'ServiceUnavailableException', 50);
    const result = await callTool(app, token, 'semantic_search', { query: 'reset' });
    expect(result.isError).toBe(false);
    expect(result.text).toMatch(/^Note: Semantic search is unavailable/m);
    expect(result.text).toMatch(/1\. Guides\/Undo \(keyword match, score: \d+\.\d\d\)/);
  });
});

describe('formatSemanticResults', () => {
  it('prints the header alone when nothing was found', () => {
    expect(formatSemanticResults({ query: 'foo', mode: 'semantic', results: [] })).toBe('0 results for "foo":');
  });
});
