/**
 * @module Entry points to the Markdown parser that load markdown-it on first use: `Wiki.open`, health checks and
 * plain reads never evaluate it; the first render, index update or rename does.
 */
import type { MarkdownIt } from 'markdown-it';
import type { WikiMarkdownOptions } from './markdown-parser.js';

/** The indexer's view of a page body (links, plain text) and the rename rewrite: `page-model.ts`, loaded lazily. */
export const loadPageModel = (): Promise<typeof import('./page-model.js')> => import('./page-model.js');

/**
 * A markdown-it with the wiki's grammar (see `markdown-parser.ts`), for renderers: add rendering rules only.
 * @example const md = await createWikiMarkdown({ wikiLinkHref: (page, fragment) => myHref(page, fragment) });
 */
export async function createWikiMarkdown(options?: WikiMarkdownOptions): Promise<MarkdownIt> {
  return (await import('./markdown-parser.js')).createWikiMarkdown(options);
}

/** Logs that a page could not be analysed and was indexed as plain text (a bug or a hostile page; never fatal). */
export function logIndexFallback(path: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.warn(
    JSON.stringify({ level: 'warn', msg: 'page indexed as plain text', path, error: message.slice(0, 500) }),
  );
}
