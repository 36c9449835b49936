/**
 * @module The wiki's Markdown grammar: one configured markdown-it, which the renderer (apps/wiki) and the indexer
 * share. Imports markdown-it: load this module lazily (through `lazy-markdown.ts`), never from a cold path that
 * neither renders nor indexes.
 */
import MarkdownItClass, { type MarkdownIt } from 'markdown-it';
// @ts-expect-error -- markdown-it-footnote ships no types (an ambient declaration would not reach the apps' builds)
import untypedFootnote from 'markdown-it-footnote';
import { boundedBlocks } from './bounded-blocks.js';
import { boundedInline } from './bounded-inline.js';
import { wikiLinks, type WikiLinksOptions } from './wikilink-syntax.js';

const footnote = untypedFootnote as (md: MarkdownIt) => void;

/** Options of {@link createWikiMarkdown}. */
export interface WikiMarkdownOptions {
  /** URL of a WikiLink; see {@link WikiLinksOptions.href}. */
  readonly wikiLinkHref?: WikiLinksOptions['href'];
}

/**
 * A markdown-it with the wiki's grammar: raw HTML never parsed (`html: false`), bare URLs linked, footnotes,
 * WikiLinks, and bounded block and inline parsing. Callers add rendering rules; they must not change what is parsed.
 */
export function createWikiMarkdown(options: WikiMarkdownOptions = {}): MarkdownIt {
  return new MarkdownItClass({ html: false, linkify: true, typographer: false })
    .use(footnote)
    .use(wikiLinks, { href: options.wikiLinkHref })
    .use(boundedBlocks)
    .use(boundedInline);
}
