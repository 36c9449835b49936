/**
 * The search page with semantic search configured: keyword matches and, beside them, pages related by meaning
 * (the wiki's Bedrock client against the Bedrock stand-in and its real local model); a model that cannot answer
 * leaves the keyword matches and a note, never an error page; without semantic search the page is as before.
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
import { ORIGIN, POLICY, openTestWiki } from '../helpers/wiki-app.js';

const AWS = { region: 'eu-west-1', accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
const AUTHOR = { name: 'Ann', email: 'ann@example.com' };
let bedrock: BedrockStandin;
let dir: string;
let app: ReturnType<typeof createWikiApp>;

const searchPage = async (q: string): Promise<{ status: number; html: string }> => {
  const response = await app.fetch(new Request(`${ORIGIN}/-/search?q=${encodeURIComponent(q)}`));
  return { status: response.status, html: await response.text() };
};
/** The links of one result column, in order. */
const links = (html: string, column: string): string[] => {
  const section = new RegExp(`aria-labelledby="${column}">(.*?)</section>`, 's').exec(html)?.[1] ?? '';
  return [...section.matchAll(/<li><a href="([^"]+)"/g)].map((m) => m[1]!);
};

beforeAll(async () => {
  bedrock = await startBedrockStandin({ region: AWS.region, credentials: AWS });
  dir = await mkdtemp(join(tmpdir(), 'wikibot-search-by-meaning-'));
  const config = loadConfig({
    PUBLIC_ORIGIN: ORIGIN,
    AUTHKIT_DOMAIN: 'https://authkit.example.com',
    ACCESS_POLICY: JSON.stringify(POLICY),
    WIKI_DATA_DIR: dir,
    BEDROCK_REGION: AWS.region,
    BEDROCK_ENDPOINT: bedrock.url,
  });
  const wiki = await Wiki.open({ dir, durable: false, embeddings: titanEmbeddingsFor(config.embeddings, AWS) });
  await wiki.writePage(
    'Guides/Undo',
    '# Undoing commits\n\n## Keep the changes\n\nUse git reset --soft to move the branch back by one commit while the ' +
      'files keep every change you made, ready to be committed again.',
    { author: AUTHOR },
  );
  await wiki.writePage('Weather', '# Weather\n\nSunny days and rain showers in the south of France this week.', {
    author: AUTHOR,
  });
  await wiki.flush();
  app = createWikiApp({ config, wiki, log: () => {} });
}, 60_000);
afterAll(async () => {
  await bedrock.close();
  await rm(dir, { recursive: true, force: true });
});

describe('/-/search with semantic search configured', () => {
  it('shows pages related by meaning beside the keyword matches, nearest first, with the section that matched', async () => {
    // Act: no word of the question is on the page it is about
    const { status, html } = await searchPage('should I pack an umbrella');
    // Assess
    expect(status).toBe(200);
    expect(html).toContain('<h2 id="keyword-matches">Keyword matches</h2>');
    expect(html).toContain('<h2 id="related-by-meaning">Related by meaning</h2>');
    expect(links(html, 'keyword-matches')).toEqual([]);
    const related = links(html, 'related-by-meaning');
    expect(related[0]).toBe('/Weather');
    expect(related).toContain('/Guides/Undo');
    expect(html).toMatch(/<li><a href="\/Weather">Weather<\/a> <span class="meta">Weather › Weather<\/span>/);
    expect(html).toMatch(
      /<p class="snippet">Sunny days and rain showers[^<]*<\/p> <span class="meta">distance 0\.\d\d/,
    );
  });

  it('lists a page in both columns when its words and its meaning match', async () => {
    const { html } = await searchPage('git reset');
    expect(links(html, 'keyword-matches')).toEqual(['/Guides/Undo']);
    expect(links(html, 'related-by-meaning')[0]).toBe('/Guides/Undo');
    expect(html).toContain('Guides/Undo › Undoing commits &gt; Keep the changes');
  });

  it('shows keyword matches and a note, status 200, while the model cannot answer', async () => {
    // Prepare: Bedrock (the stand-in) fails every call for a while
    bedrock.failNext(503, 'ServiceUnavailableException', 50);
    // Act
    const { status, html } = await searchPage('git reset');
    // Assess
    expect(status).toBe(200);
    expect(html).toMatch(/<p class="meta" role="status">Semantic search is unavailable right now[^<]*<\/p>/);
    expect(html).not.toContain('Related by meaning');
    expect(html).toMatch(/<ul class="results"><li><a href="\/Guides\/Undo">/);
  });
});

describe('/-/search without semantic search', () => {
  it('shows the keyword matches alone, with no note', async () => {
    const t = await openTestWiki();
    try {
      await t.wiki.writePage('Garden', '# Garden\n\nTomatoes and roses.', { author: AUTHOR });
      const html = await (await t.get('/-/search?q=tomatoes')).text();
      expect(html).toMatch(/<ul class="results"><li><a href="\/Garden">/);
      expect(html).not.toContain('search-columns');
      expect(html).not.toContain('role="status"');
    } finally {
      await t.close();
    }
  });
});
