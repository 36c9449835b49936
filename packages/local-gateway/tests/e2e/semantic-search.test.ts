/**
 * Semantic search through the whole local system: the packaged wiki function, its production Bedrock client, and
 * the Bedrock stand-in `startLocalSystem` starts (the real local model).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSystem, type TestSystem } from '../helpers/local-system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
}, 120_000);
afterAll(() => system.close());

describe('semantic search in the local system', () => {
  it('embeds a written page through the Bedrock stand-in and finds it by meaning over REST', async () => {
    // Prepare
    const { local } = system;
    const headers = { authorization: `Bearer ${local.mcpApiKey}`, 'content-type': 'application/json' };
    const put = await fetch(`${local.url}/api/v1/pages/Weather`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ content: '# Weather\n\nSunny days and rain showers in the south of France this week.' }),
    });
    expect(put.status).toBe(201);
    // Act: vectors are made in the background; until then the answer is lexical with a note
    let body: { mode: string; note?: string; results: { path: string; distance?: number }[] } = {
      mode: '',
      results: [],
    };
    for (let tries = 0; tries < 60 && body.mode !== 'semantic'; tries++) {
      if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
      const response = await fetch(
        `${local.url}/api/v1/semantic-search?q=${encodeURIComponent('will it rain tomorrow')}`,
        { headers },
      );
      expect(response.status).toBe(200);
      body = (await response.json()) as typeof body;
    }
    // Assess
    expect(body.mode).toBe('semantic');
    expect(body.results[0]).toMatchObject({ path: 'Weather' });
    expect(body.results[0]!.distance).toBeLessThan(0.7);
    expect(local.bedrock!.calls).toBeGreaterThan(0);
  }, 120_000);
});
