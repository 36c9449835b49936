/**
 * @module What the indexer reads from a page body — its outgoing links — and the rename rewrite, both
 * from the tokens of the wiki's one Markdown grammar (`markdown-parser.ts`), so a `[[X]]` the renderer shows as
 * code is neither indexed nor rewritten. Loads markdown-it: import it lazily (`loadPageModel`).
 */
import type { Token } from 'markdown-it';
import { createWikiMarkdown } from './markdown-parser.js';
import { stripFrontmatter } from './markdown.js';
import { normalizePagePath } from './paths.js';
import { wikiLinkOf } from './wikilink-syntax.js';
import { wikiLinkSpans } from './wikilink-spans.js';

/** One `[[WikiLink]]` as written. */
export interface WikiLink {
  /** The canonical target page. */
  readonly target: string;
  /** The label shown. */
  readonly label: string;
}

let parser: ReturnType<typeof createWikiMarkdown> | undefined;

/** markdown-it's tokens for a body (its line ends normalised to LF, as markdown-it does). */
function parse(body: string): Token[] {
  parser ??= createWikiMarkdown();
  return parser.parse(body, {});
}

/** The inline tokens' top-level children: what a page shows as text and links (not image alt text). */
function* inlineChildren(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) if (token.type === 'inline' && token.children) yield* token.children;
}

/**
 * The WikiLinks of a Markdown text, as the renderer draws them (none inside code).
 * @example parseWikiLinks('See [[Docs|Guide/Intro]]') // [{ target: 'Guide/Intro', label: 'Docs' }]
 */
export function parseWikiLinks(markdown: string): WikiLink[] {
  const links: WikiLink[] = [];
  for (const child of inlineChildren(parse(markdown))) {
    const link = wikiLinkOf(child.meta);
    if (link) links.push({ target: link.target, label: link.label });
  }
  return links;
}

/** Canonical page path of a link target, or null when it is no valid page path. */
function pageTarget(raw: string): string | null {
  try {
    return normalizePagePath(raw.replace(/^\/+/, ''));
  } catch {
    return null;
  }
}

/** Resolves a Markdown link's href against the page's directory; null when it is no page link. */
function markdownLinkTarget(pagePath: string, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//')) return null;
  let path = href.replace(/[?#].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (path === '') return null;
  const last = path.split('/').pop()!;
  if (/\.[A-Za-z0-9]{1,5}$/.test(last) && !/\.md$/i.test(last)) return null; // an attachment or image
  if (path.startsWith('/')) return pageTarget(path);
  const parts = pagePath.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return pageTarget(parts.join('/'));
}

/**
 * Canonical targets of a page's outgoing links, as the renderer draws them: WikiLinks and relative Markdown links,
 * first occurrence casing, no duplicates (case-insensitive), no self-link.
 */
export function extractLinks(pagePath: string, body: string): string[] {
  const seen = new Map<string, string>();
  const self = pagePath.toLowerCase();
  for (const child of inlineChildren(parse(body))) {
    if (child.type !== 'link_open') continue;
    const link = wikiLinkOf(child.meta);
    const target = link ? link.target : markdownLinkTarget(pagePath, String(child.attrGet('href') ?? ''));
    const key = target?.toLowerCase();
    if (target && key !== self && !seen.has(key!)) seen.set(key!, target);
  }
  return [...seen.values()];
}

/**
 * Rewrites the WikiLinks to the page with key `fromKey` so they point at `toPath`: `[[Old]]` → `[[New]]`,
 * `[[Label|Old]]` → `[[Label|New]]`, `#anchors` kept. Only links the renderer draws are touched: code, and any
 * link whose source position cannot be proven, stay as written. `markdown` may start with frontmatter.
 */
export function rewriteWikiLinks(markdown: string, fromKey: string, toPath: string): string {
  // markdown-it reads CRLF as LF: parse the LF text, then map offsets back past the CRs it dropped.
  const source = markdown.replace(/\r\n?/g, '\n');
  const crs: number[] = [];
  for (let i = markdown.indexOf('\r\n'), n = 0; i !== -1; i = markdown.indexOf('\r\n', i + 2), n++) crs.push(i - n);
  const original = (offset: number): number => {
    let lo = 0;
    for (let hi = crs.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (crs[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  };
  const bodyStart = source.length - stripFrontmatter(source).length;
  const body = source.slice(bodyStart);
  let out = '';
  let done = 0;
  for (const { link, start, end } of wikiLinkSpans(body, parse(body))) {
    if (link.target.toLowerCase() !== fromKey) continue;
    const replacement = link.labelled ? `[[${link.label}|${toPath}${link.anchor}]]` : `[[${toPath}${link.anchor}]]`;
    const from = original(bodyStart + start);
    out += markdown.slice(done, from) + replacement;
    done = original(bodyStart + end);
  }
  return out + markdown.slice(done);
}
