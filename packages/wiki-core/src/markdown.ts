/**
 * @module The page model read from Markdown: YAML frontmatter, display title, WikiLinks and relative links.
 */
import { parse as parseYaml } from 'yaml';
import { normalizePagePath } from './paths.js';

/** Frontmatter and body of a page. */
export interface ParsedFrontmatter {
  readonly frontmatter: Readonly<Record<string, unknown>>;
  readonly body: string;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Splits YAML frontmatter (between `---` lines at the very top) from the body. Invalid YAML or a non-mapping
 * counts as no frontmatter: the whole text is the body.
 */
export function parseFrontmatter(content: string): ParsedFrontmatter {
  const match = FRONTMATTER.exec(content);
  if (!match) return { frontmatter: {}, body: content };
  try {
    const data: unknown = parseYaml(match[1]!, { maxAliasCount: 10 });
    if (data === null || data === undefined) return { frontmatter: {}, body: content.slice(match[0].length) };
    if (typeof data !== 'object' || Array.isArray(data)) return { frontmatter: {}, body: content };
    return { frontmatter: data as Record<string, unknown>, body: content.slice(match[0].length) };
  } catch {
    return { frontmatter: {}, body: content };
  }
}

/** The text after a leading frontmatter block, without parsing the YAML (for snippets). */
export function stripFrontmatter(content: string): string {
  const match = FRONTMATTER.exec(content);
  return match ? content.slice(match[0].length) : content;
}

/** Tags from frontmatter `tags`: a YAML list or a comma-separated string. */
export function frontmatterTags(frontmatter: Readonly<Record<string, unknown>>): string[] {
  const raw = frontmatter['tags'];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
  const tags = list
    .filter((t) => typeof t === 'string' || typeof t === 'number')
    .map((t) => String(t).trim())
    .filter((t) => t !== '');
  return [...new Set(tags)];
}

/** Category from frontmatter `category`, if it is a non-empty scalar. */
export function frontmatterCategory(frontmatter: Readonly<Record<string, unknown>>): string | undefined {
  const raw = frontmatter['category'];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const category = String(raw).trim();
  return category === '' ? undefined : category;
}

/** Display title: frontmatter `title`, else the first `# heading` (outside code), else the last path segment. */
export function pageTitle(path: string, frontmatter: Readonly<Record<string, unknown>>, body: string): string {
  const title = frontmatter['title'];
  if ((typeof title === 'string' || typeof title === 'number') && String(title).trim() !== '') return String(title).trim();
  for (const part of outsideCode(body)) {
    const heading = /^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/m.exec(part);
    if (heading) return heading[1]!.trim();
  }
  return path.split('/').pop()!;
}

/** Splits text into the parts outside fenced code blocks (``` or ~~~). */
function outsideCode(text: string): string[] {
  return splitFences(text)
    .filter((p) => !p.code)
    .map((p) => p.text);
}

function splitFences(text: string): { text: string; code: boolean }[] {
  const parts: { text: string; code: boolean }[] = [];
  const fence = /^[ ]{0,3}(`{3,}|~{3,})[^\n]*$/gm;
  let pos = 0;
  let open: string | null = null;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    const marker = m[1]!;
    if (open === null) {
      parts.push({ text: text.slice(pos, m.index), code: false });
      pos = m.index;
      open = marker;
    } else if (marker[0] === open[0] && marker.length >= open.length && m[0].trim() === marker) {
      parts.push({ text: text.slice(pos, m.index + m[0].length), code: true });
      pos = m.index + m[0].length;
      open = null;
    }
  }
  parts.push({ text: text.slice(pos), code: open !== null });
  return parts;
}

/** One `[[WikiLink]]` as written. */
export interface WikiLink {
  /** The target page as written (without `#anchor`). */
  readonly target: string;
  /** The label shown (the target itself when none is given). */
  readonly label: string;
}

const WIKILINK = /\[\[([^[\]\n]+?)\]\]/g;

function splitWikiLink(inner: string): { label: string; target: string; anchor: string } {
  const bar = inner.indexOf('|');
  // Otterwiki puts the label first: [[Label|Page]].
  const label = bar >= 0 ? inner.slice(0, bar).trim() : inner.trim();
  const rawTarget = bar >= 0 ? inner.slice(bar + 1) : inner;
  const hash = rawTarget.indexOf('#');
  const target = (hash >= 0 ? rawTarget.slice(0, hash) : rawTarget).trim();
  const anchor = hash >= 0 ? rawTarget.slice(hash).trim() : '';
  return { label: label || target, target, anchor };
}

/**
 * The WikiLinks of a Markdown text, outside fenced code: `[[Page]]` and `[[Label|Page]]` (label first, as Otterwiki).
 * @example parseWikiLinks('See [[Docs|Guide/Intro]]') // [{ target: 'Guide/Intro', label: 'Docs' }]
 */
export function parseWikiLinks(markdown: string): WikiLink[] {
  const links: WikiLink[] = [];
  for (const part of outsideCode(markdown)) {
    for (const m of part.matchAll(WIKILINK)) {
      const { label, target } = splitWikiLink(m[1]!);
      if (target !== '') links.push({ target, label });
    }
  }
  return links;
}

const MD_LINK = /(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g;

/** Canonical target of a link as written, or null when it is no valid page path. */
function linkTarget(raw: string): string | null {
  try {
    return normalizePagePath(raw.replace(/^\/+/, ''));
  } catch {
    return null;
  }
}

/** Resolves a relative Markdown link href against the page's directory; null when it is no page link. */
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
  if (path.startsWith('/')) return linkTarget(path);
  const parts = pagePath.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return linkTarget(parts.join('/'));
}

/**
 * Canonical targets of a page's outgoing links: WikiLinks and relative Markdown links, first occurrence casing,
 * duplicates (case-insensitive) and self-links removed, invalid targets skipped.
 */
export function extractLinks(pagePath: string, body: string): string[] {
  const seen = new Map<string, string>();
  const self = pagePath.toLowerCase();
  const add = (target: string | null): void => {
    if (target === null) return;
    const key = target.toLowerCase();
    if (key !== self && !seen.has(key)) seen.set(key, target);
  };
  for (const link of parseWikiLinks(body)) add(linkTarget(link.target));
  for (const part of outsideCode(body)) {
    for (const m of part.matchAll(MD_LINK)) add(markdownLinkTarget(pagePath, m[1]!));
  }
  return [...seen.values()];
}

/**
 * Rewrites WikiLinks that point at the page with key `fromKey` so they point at `toPath`: `[[Old]]` → `[[New]]`
 * and `[[Label|Old]]` → `[[Label|New]]`; `#anchors` are kept, links inside fenced code are left alone.
 */
export function rewriteWikiLinks(markdown: string, fromKey: string, toPath: string): string {
  return splitFences(markdown)
    .map((part) =>
      part.code
        ? part.text
        : part.text.replace(WIKILINK, (whole, inner: string) => {
            const { label, target, anchor } = splitWikiLink(inner);
            if (linkTarget(target)?.toLowerCase() !== fromKey) return whole;
            return inner.includes('|') ? `[[${label}|${toPath}${anchor}]]` : `[[${toPath}${anchor}]]`;
          }),
    )
    .join('');
}

/** Plain text of a Markdown body for search and snippets: markup characters and link URLs dropped. */
export function plainText(body: string): string {
  return body
    .replace(/\[\[([^[\]\n|]*\|)?([^[\]\n]+)\]\]/g, (_w, label: string | undefined, target: string) =>
      label ? label.slice(0, -1) : target,
    )
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/^[ \t]*(#{1,6}|>|[-*+]|\d+\.)[ \t]+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
