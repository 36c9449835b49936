/**
 * @module A page's current text rendered and kept (`render-cache.ts`): what a view does when it finds no render kept,
 * and what a writer does after changing a page, so that a reader's cold container finds one (rendering is the
 * costliest part of a cold view: markdown-it, highlight.js and their first runs).
 */
import type { Page, PageHead, WikiApi } from '@wikibot/wiki-core';
import { existingPages } from './existing-pages.js';
import { renderKept, renderPage, type RenderedPage } from './markdown.js';
import { renderedDir } from './render-cache.js';

/**
 * Page `head.path` read and rendered; the render kept, as that of the blob `head` names, when the text read is still
 * that blob (no change came in between).
 */
export async function renderCurrent(
  wiki: WikiApi,
  head: PageHead,
  dataDir: string,
): Promise<{ page: Page; rendered: RenderedPage }> {
  const page = await wiki.readPage(head.path);
  const rendered =
    page.revision === head.revision
      ? await renderKept({ path: page.path, blob: head.blob }, page.body, existingPages(wiki), renderedDir(dataDir))
      : await renderPage(page.body, existingPages(wiki), page.path);
  return { page, rendered };
}

/** Renders page `path` as it is now and keeps the render, for the page's next view (a writer calls this). */
export async function keepCurrentRender(wiki: WikiApi, path: string, dataDir: string): Promise<void> {
  await renderCurrent(wiki, await wiki.readPageHead(path), dataDir);
}
