// The apps compile this file without including the declaration beside it, so it is referenced here.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module declaration is no import
/// <reference path="./plugins.d.ts" />
/**
 * @module Markdown → HTML for wiki pages. Page text is untrusted (mostly written by AI agents), so raw
 * HTML is never passed through (`html: false` escapes it), every link and image URL goes through
 * {@link isSafeUrl}, and WikiLinks to pages that do not exist are marked so they show as red links.
 */
import type { MarkdownIt as Renderer, Token } from 'markdown-it';
import { createWikiMarkdown, wikiLinkOf } from '@wikibot/wiki-core';
import taskLists from 'markdown-it-task-lists';
import type { ExistingPages } from './existing-pages.js';
import { pageHref } from './page-urls.js';
import { headingIds, slugify, type TocEntry } from './headings.js';
import { isSafeUrl } from './safe-url.js';
import { RENDERER_KEY, writeRendered, type CheckedRender, type RenderedSource } from './render-cache.js';

type Highlight = (code: string, language: string) => string;

/** highlight.js, once a page with a fenced code block that names a language has asked for it. */
let highlighter: Highlight | undefined;

/** The markdown-it instance, built on the first render so that importing this module does no work. */
let instance: Promise<Renderer> | undefined;

/**
 * wiki-core's markdown-it (the wiki's one grammar: WikiLinks, footnotes, bounded parsing — the indexer reads the
 * same tokens) plus what only the browser needs: task-list checkboxes, highlighting, URL checks, classes.
 */
async function createRenderer(): Promise<Renderer> {
  const md = await createWikiMarkdown({
    // The fragment is slugged like heading ids, as An Otter Wiki does: [[Guide#Getting Started]] → #getting-started.
    wikiLinkHref: (target, fragment) => pageHref(target, fragment ? `#${slugify(fragment)}` : ''),
  });
  // markdown-it's `highlight` hook is synchronous; renderMarkdown loads highlight.js before rendering when needed.
  md.set({ highlight: (code, lang) => highlighter?.(code, lang) ?? '' });
  md.validateLink = isSafeUrl;
  // `label` wraps each checkbox and its text in a <label>, so the (read-only) checkbox has a name for screen readers.
  md.use(taskLists, { enabled: false, label: true });
  md.use(headingIds);

  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = String(tokens[idx].attrGet('href') ?? '');
    // Links that leave the wiki carry no referrer and no endorsement.
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) tokens[idx].attrSet('rel', 'nofollow noopener noreferrer');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };

  // Table alignment comes out as inline `style`, which the CSP (style-src 'self') blocks; use classes instead.
  for (const rule of ['th_open', 'td_open'] as const) {
    md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
      const token = tokens[idx];
      const align = /text-align:(left|right|center)/.exec(String(token.attrGet('style') ?? ''))?.[1];
      if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== 'style');
      if (align) token.attrJoin('class', `align-${align}`);
      return self.renderToken(tokens, idx, options);
    };
  }
  return md;
}

/** True when a fenced code block names a language (the only case highlight.js is needed for). */
function needsHighlighting(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.type === 'fence' && t.info.trim() !== '');
}

/** Loads highlight.js (core and its languages, in their own chunk) the first time a page needs it. */
async function loadHighlighter(): Promise<void> {
  highlighter ??= (await import('./highlight.js')).highlight;
}

function* walk(tokens: Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* walk(token.children);
  }
}

/** Prefixes `./…` image and link URLs with the page's own URL (Otterwiki's rule for attachments). */
function resolvePageRelative(tokens: Token[], base: string): void {
  for (const token of walk(tokens)) {
    const attr = token.type === 'image' ? 'src' : token.type === 'link_open' ? 'href' : undefined;
    const url = attr ? String(token.attrGet(attr) ?? '') : '';
    if (attr && url.startsWith('./')) token.attrSet(attr, `${base}/${url.slice(2)}`);
  }
}

/** The most WikiLink targets checked for existence on one page; beyond it links are assumed present. */
const MAX_CHECKED_LINKS = 500;

/**
 * A rendered page: its HTML and its headings, in order, with the ids the HTML gives them; and the WikiLink targets
 * whose existence it checked, with those that existed.
 */
export type RenderedPage = CheckedRender;

/**
 * Renders a page body (frontmatter already removed) to HTML safe to embed in a page, with its table of contents.
 *
 * @param markdown - the page body
 * @param existing - resolves which WikiLink targets exist; the others get class `wikilink missing`
 * @param pagePath - the page being rendered: `./…` URLs are relative to it, as in An Otter Wiki, so a page's
 *   attachments show with `![diagram](./a/diagram.png)`
 */
export async function renderPage(markdown: string, existing: ExistingPages, pagePath?: string): Promise<RenderedPage> {
  const md = await (instance ??= createRenderer());
  const toc: TocEntry[] = [];
  const env = { toc };
  const tokens = md.parse(markdown, env);
  if (pagePath !== undefined) resolvePageRelative(tokens, pageHref(pagePath));
  if (!highlighter && needsHighlighting(tokens)) await loadHighlighter();
  const targetOf = (t: Token): string | undefined => wikiLinkOf(t.meta)?.target;
  const links = [...walk(tokens)].filter((t) => t.type === 'link_open' && targetOf(t));
  const targets = [...new Set(links.map((t) => targetOf(t)!))].slice(0, MAX_CHECKED_LINKS);
  const present = targets.length > 0 ? await existing(targets) : new Set<string>();
  const checked = new Set(targets);
  for (const link of links) {
    const target = targetOf(link)!;
    if (checked.has(target) && !present.has(target)) link.attrSet('class', 'wikilink missing');
  }
  const html = md.renderer.render(tokens, md.options, env);
  const ownHeading = /^\s*# \S/.test(markdown);
  return { html, toc, ownHeading, targets, present: targets.filter((target) => present.has(target)) };
}

/** {@link renderPage} of `body`, the text of blob `page.blob`, kept in `cacheDir` (see `render-cache.ts`). */
export async function renderKept(
  page: RenderedSource,
  body: string,
  existing: ExistingPages,
  cacheDir: string,
): Promise<RenderedPage> {
  const rendered = await renderPage(body, existing, page.path);
  if (RENDERER_KEY !== undefined) writeRendered(cacheDir, RENDERER_KEY, page, rendered);
  return rendered;
}

/** {@link renderPage}'s HTML alone (the editor's preview, and callers that show no table of contents). */
export async function renderMarkdown(markdown: string, existing: ExistingPages, pagePath?: string): Promise<string> {
  return (await renderPage(markdown, existing, pagePath)).html;
}
