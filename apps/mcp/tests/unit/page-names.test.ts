import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestIssuer, type TestIssuer } from '@wikibot/identity/testing';
import { createApp, type App } from '../../src/index.js';
import { RESOURCE, tempDir, testConfig } from '../helpers/env.js';
import { callTool } from '../helpers/rpc.js';

describe('page names over MCP (the same rules as REST and the browser)', () => {
  let issuer: TestIssuer;
  let temp: { dir: string; remove: () => Promise<void> };
  let token: string;
  let app: App;
  const show = (dir: string, file: string): string =>
    execFileSync('git', ['-c', 'safe.directory=*', 'show', `HEAD:${file}`], { cwd: dir, encoding: 'utf8' });

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

  it('never lets "X.md.md" overwrite page X', async () => {
    // Prepare
    await callTool(app, token, 'write_note', { path: 'X', content: 'original' });
    // Act
    const result = await callTool(app, token, 'write_note', { path: 'X.md.md', content: 'intruder' });
    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^Invalid page path: .*may not end with "\.md"/);
    expect(show(temp.dir, 'x.md')).toBe('original');
  });

  it('refuses a name the browser could never open, saying why', async () => {
    // Act
    const result = await callTool(app, token, 'write_note', { path: 'api/v1/pages', content: 'hidden' });
    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^Invalid page path: .*\/api\/v1\/ is the REST API/);
  });

  it('reports names as An Otter Wiki shows them', async () => {
    // Act
    const result = await callTool(app, token, 'write_note', { path: 'guide/test-page', content: 'No heading.' });
    // Assess
    expect(result).toMatchObject({ isError: false, text: expect.stringMatching(/^Created Guide\/Test-Page /) });
  });

  it('keeps names as given with WIKI_RETAIN_PAGE_NAME_CASE=true', async () => {
    // Prepare
    const retaining = await tempDir();
    const config = testConfig(issuer.issuer, { WIKI_DATA_DIR: retaining.dir, WIKI_RETAIN_PAGE_NAME_CASE: 'true' });
    const retainingApp = createApp(config);
    try {
      // Act
      const result = await callTool(retainingApp, token, 'write_note', { path: 'guide/iPhone tips', content: 'x' });
      // Assess
      expect(result.text).toMatch(/^Created guide\/iPhone tips /);
      expect(show(retaining.dir, 'guide/iPhone tips.md')).toBe('x');
    } finally {
      await retaining.remove();
    }
  });
});
