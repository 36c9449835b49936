/**
 * One WikiLink grammar: what the page shows as code is not a link anywhere — not in the rendered page, not in
 * the link index, not in a rename's rewrite — and what it shows as a link is all three.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { git, openTestWiki, type TestWiki } from '../helpers/wiki-app.js';

const ANN = { name: 'Ann', email: 'ann@example.com' };
const BODY =
  'A [[Target]] link.\n\nIn code: `[[Target]]` and\n\n```\n[[Target]]\n```\n\n| cell | `[[Target]]` | [[Target]] |\n|---|---|---|\n';

describe('a WikiLink inside code', () => {
  let t: TestWiki;

  beforeAll(async () => {
    t = await openTestWiki();
    await t.wiki.writePage('Target', '# Target', { author: ANN });
    await t.wiki.writePage('Source', BODY, { author: ANN });
  });
  afterAll(() => t.close());

  it('renders as code, while the same text outside code renders as a link', async () => {
    const html = await (await t.get('/Source')).text();
    expect(html).toContain('<code>[[Target]]</code>');
    expect(html.match(/<a href="\/Target" class="wikilink">Target<\/a>/g)).toHaveLength(2);
  });

  it('is not indexed as a link, and is left as written by a rename', async () => {
    // Prepare
    const code = BODY.replace('A [[Target]] link', '').replace('| [[Target]] |', '');
    await t.wiki.writePage('Only Code', code, { author: ANN });
    expect((await t.wiki.getLinks('Target')).incoming).toEqual(['Source']);
    // Act
    const renamed = await t.wiki.renamePage('Target', 'Moved', { author: ANN });
    // Assess
    expect(renamed.rewritten).toEqual(['Source']);
    expect(await git(t.dir, 'show', 'HEAD:source.md')).toBe(
      BODY.replace('A [[Target]] link', 'A [[Moved]] link').replace('| [[Target]] |', '| [[Moved]] |'),
    );
    expect(await git(t.dir, 'show', 'HEAD:only code.md')).toBe(code);
  });
});
