/**
 * A page's current render, kept for its next view: by a view that found none, and by a writer after a change. Renders
 * are kept only under the renderer's key, which the bundler defines; here the test defines it before the modules load.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Wiki } from '@wikibot/wiki-core';

(globalThis as { WIKIBOT_RENDERER_KEY?: string }).WIKIBOT_RENDERER_KEY = 'renderer-under-test';
const { keepCurrentRender, renderCurrent } = await import('../../src/index.js');
const { existingPages, keepingRenders, keptRender } = await import('../../src/kept.js');

const AUTHOR = { name: 'A', email: 'a@example.com' };

describe('renderCurrent and keepCurrentRender', () => {
  let dir: string;
  let wiki: Wiki;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wikibot-render-'));
    wiki = await Wiki.open({ dir });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const kept = async (path: string) => keptRender(wiki, await wiki.readPageHead(path), dir);

  it('keeps the render of the text the head names, red links marked', async () => {
    // Arrange
    await wiki.writePage('Guide', '# Guide\n\nSee [[Later]] and [[Home]].\n', { author: AUTHOR });
    // Act
    await keepCurrentRender(wiki, 'Guide', dir);
    // Assess
    const render = await kept('Guide');
    expect(render?.html).toContain('<a href="/Later" class="wikilink missing">');
    expect(render?.html).toContain('<a href="/Home" class="wikilink">');
    expect(render?.toc).toEqual([{ level: 1, id: 'guide', text: 'Guide' }]);
  });

  it('keeps nothing when the page changed after its head was read, and shows the newer text', async () => {
    // Arrange: a head read, then another write
    await wiki.writePage('Guide', 'Old.\n', { author: AUTHOR });
    const head = await wiki.readPageHead('Guide');
    await wiki.writePage('Guide', 'New.\n', { author: AUTHOR });
    // Act
    const { page, rendered } = await renderCurrent(wiki, head, dir);
    // Assess
    expect(page.body).toBe('New.\n');
    expect(rendered.html).toBe('<p>New.</p>\n');
    expect(await keptRender(wiki, head, dir)).toBeUndefined();
    expect(await kept('Guide')).toBeUndefined();
  });
});

describe('keepingRenders', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wikibot-render-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps the render of every page a write changes, and passes reads through', async () => {
    // Arrange
    const inner = await Wiki.open({ dir });
    const wiki = keepingRenders(inner, dir, (error) => {
      throw error;
    });
    const kept = async (path: string) => keptRender(wiki, await wiki.readPageHead(path), dir);
    // Act
    await wiki.writePage('Home', 'See [[Guide]].\n', { author: AUTHOR });
    await wiki.writePage('Guide', 'Old.\n', { author: AUTHOR });
    await wiki.editPage('Guide', 'Old', 'New', { author: AUTHOR });
    const renamed = await wiki.renamePage('Guide', 'Manual', { author: AUTHOR });
    // Assess: the renamed page and the page whose link the rename rewrote, each as it is now
    expect(renamed.rewritten).toEqual(['Home']);
    expect((await kept('Manual'))?.html).toBe('<p>New.</p>\n');
    expect((await kept('Home'))?.html).toContain('<a href="/Manual" class="wikilink">');
    expect(await wiki.exists('Guide')).toBe(false);
  });

  it('answers a write that happened even when keeping its render fails', async () => {
    // Arrange: a wiki whose pages cannot be read back (so no render can be made)
    const inner = await Wiki.open({ dir });
    const errors: unknown[] = [];
    const unreadable = new Proxy(inner, {
      get: (target, name) =>
        name === 'readPage'
          ? () => Promise.reject(new Error('unreadable'))
          : (Reflect.get(target, name) as (...args: unknown[]) => unknown).bind(target),
    });
    const wiki = keepingRenders(unreadable, dir, (error) => errors.push(error));
    // Act
    const result = await wiki.writePage('Home', 'Text.\n', { author: AUTHOR });
    // Assess
    expect(result).toMatchObject({ path: 'Home', changed: true });
    expect(errors).toEqual([new Error('unreadable')]);
  });
});

describe('existingPages', () => {
  it('answers case-insensitively, one call per target or one listing beyond 16 targets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wikibot-render-'));
    try {
      const wiki = await Wiki.open({ dir });
      await wiki.writePage('Alpha', 'a\n', { author: AUTHOR });
      const many = Array.from({ length: 20 }, (_, i) => `Missing ${i}`);
      expect([...(await existingPages(wiki)(['alpha', 'Beta']))]).toEqual(['alpha']);
      expect([...(await existingPages(wiki)(['ALPHA', ...many]))]).toEqual(['ALPHA']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
