/**
 * Pages written over MCP are rendered for the wiki's views as they are written (`@wikibot/wiki-render`), so that
 * the first view of a page an assistant wrote finds its render kept and a cold wiki container loads no markdown-it.
 * Renders are kept only under a renderer key, which the bundler defines; here the test defines it before the
 * modules load.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestIssuer, type TestIssuer } from '@wikibot/identity/testing';
import { Wiki } from '@wikibot/wiki-core';
import type { App } from '../../src/index.js';
import { RESOURCE, tempDir, testConfig } from '../helpers/env.js';
import { callTool } from '../helpers/rpc.js';

(globalThis as { WIKIBOT_RENDERER_KEY?: string }).WIKIBOT_RENDERER_KEY = 'renderer-under-test';
const { createApp } = await import('../../src/index.js');
const { keptRender } = await import('@wikibot/wiki-render/kept');

describe('renders kept by MCP writes, for the wiki’s views', () => {
  let issuer: TestIssuer;
  let temp: { dir: string; remove: () => Promise<void> };
  let token: string;
  let app: App;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    temp = await tempDir();
    token = await issuer.sign({ sub: 'user_ada', aud: RESOURCE, email: 'ada@example.com' });
    app = createApp(testConfig(issuer.issuer, { WIKI_DATA_DIR: temp.dir }));
  });
  afterAll(async () => {
    await issuer.close();
    await temp.remove();
  });

  /** What the wiki's page view finds kept for `path` (another process's view of the same directory). */
  async function keptFor(path: string) {
    const wiki = await Wiki.open({ dir: temp.dir });
    return keptRender(wiki, await wiki.readPageHead(path), temp.dir);
  }

  it('keeps the render of a page written, edited or renamed', async () => {
    // Act: a page with a link to a page not written yet
    await callTool(app, token, 'write_note', { path: 'Guide', content: '# Guide\n\nSee [[Later]].\n' });
    const written = await keptFor('Guide');
    await callTool(app, token, 'edit_note', {
      path: 'Guide',
      revision: (await (await Wiki.open({ dir: temp.dir })).readPageHead('Guide')).revision,
      old_string: 'See',
      new_string: 'Read',
    });
    const edited = await keptFor('Guide');
    await callTool(app, token, 'rename_note', { path: 'Guide', new_path: 'Manual' });
    const renamed = await keptFor('Manual');
    // Assess: each the render of the text as it was then, with its red link
    expect(written?.html).toContain('<h1 id="guide">Guide</h1>');
    expect(written?.html).toContain('<a href="/Later" class="wikilink missing">');
    expect(written?.html).toContain('See');
    expect(edited?.html).toContain('Read');
    expect(renamed?.html).toContain('Read');
  });

  it('keeps nothing for a write that failed, and the write answers as before', async () => {
    // Act
    const result = await callTool(app, token, 'write_note', { path: 'api/v1/pages', content: 'hidden' });
    // Assess
    expect(result.isError).toBe(true);
    await expect(keptFor('api/v1/pages')).rejects.toThrow();
  });
});
