/**
 * The browser's "create page" races an agent writing through another `Wiki` on the same repository (as the MCP
 * Lambda does): the create is decided under the write lock, so it never overwrites the page the agent just made.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Wiki } from '@wikibot/wiki-core';
import { git, openTestWiki, type Browser, type TestWiki } from '../helpers/wiki-app.js';

const AGENT = { name: 'Agent', email: 'agent@example.com' };

describe('creating a page in the browser while an agent creates it', () => {
  let t: TestWiki;
  let alice: Browser;
  let agent: Wiki;

  beforeAll(async () => {
    t = await openTestWiki();
    alice = await t.signIn('alice@example.com', 'Alice');
    agent = await Wiki.open({ dir: t.dir, durable: false });
  });
  afterAll(() => t.close());

  it('never reports both as created; the loser of a browser create sees the conflict page', async () => {
    for (let i = 0; i < 25; i++) {
      // Act
      const path = `Race/Page ${i}`;
      const [response, written] = await Promise.all([
        t.postForm(
          `/Race/Page%20${i}/save`,
          { csrf: alice.csrf, base: '', content: `browser ${i}\n` },
          { browser: alice },
        ),
        agent.writePage(path, `agent ${i}\n`, { author: AGENT }),
      ]);
      // Assess: exactly one of them created the page
      const stored = await git(t.dir, 'show', `HEAD:race/page ${i}.md`);
      if (response.status === 409) {
        expect(written.created).toBe(true);
        expect(stored).toBe(`agent ${i}\n`);
        const html = await response.text();
        expect(html).toContain('Someone else changed this page');
        expect(html).toContain(`browser ${i}`); // the browser's text is kept in the editor
      } else {
        expect(response.status).toBe(303);
        expect(written.created).toBe(false); // the agent replaced the browser's page, knowingly
        expect(stored).toBe(`agent ${i}\n`);
      }
    }
  }, 60_000);
});
