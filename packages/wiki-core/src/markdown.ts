/**
 * @module The page model read without a Markdown parser: YAML frontmatter and the display title, in bounded or
 * linear time. Links and plain text come from the parser's tokens (`page-model.ts`). The YAML parser itself
 * (`frontmatter.ts`) is imported only when a page has a frontmatter block: a cold start showing a page without
 * one never loads it.
 */
import { fenceMarker } from './bounded-blocks.js';

/** Frontmatter and body of a page. */
export interface ParsedFrontmatter {
  readonly frontmatter: Readonly<Record<string, unknown>>;
  readonly body: string;
}

/** The largest frontmatter parsed (YAML's cost grows faster than its size); a larger block is body text. */
export const MAX_FRONTMATTER_CHARS = 16_384;

const FRONTMATTER = new RegExp(
  `^---[ \\t]*\\r?\\n([\\s\\S]{0,${MAX_FRONTMATTER_CHARS}}?)\\r?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|$)`,
);

/** The frontmatter block at the very top of `content`: its YAML text and the length of the whole block. */
export function frontmatterBlock(content: string): { readonly yaml: string; readonly length: number } | undefined {
  const match = FRONTMATTER.exec(content);
  return match ? { yaml: match[1]!, length: match[0].length } : undefined;
}

/**
 * The synchronous YAML frontmatter parser (`parseFrontmatter`), for callers that must not await per page. Not
 * re-exported statically: a static export would make every importer of this package load `yaml`.
 */
export const loadFrontmatterParser = (): Promise<typeof import('./frontmatter.js')> => import('./frontmatter.js');

/**
 * Frontmatter and body of a page, as `parseFrontmatter` splits them; the YAML parser is imported on the first
 * page that has a frontmatter block.
 * @example const { frontmatter, body } = await readFrontmatter('---\ntitle: Hi\n---\n# Body\n');
 */
export async function readFrontmatter(content: string): Promise<ParsedFrontmatter> {
  if (!FRONTMATTER.test(content)) return { frontmatter: {}, body: content };
  return (await loadFrontmatterParser()).parseFrontmatter(content);
}

/** The text after a leading frontmatter block, without parsing the YAML (for snippets). */
export function stripFrontmatter(content: string): string {
  const block = frontmatterBlock(content);
  return block ? content.slice(block.length) : content;
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

/** Display title: frontmatter `title`, else the first `# heading` (outside fenced code), else the last path segment. */
export function pageTitle(path: string, frontmatter: Readonly<Record<string, unknown>>, body: string): string {
  const title = frontmatter['title'];
  if ((typeof title === 'string' || typeof title === 'number') && String(title).trim() !== '')
    return String(title).trim();
  return firstHeading(body) ?? path.split('/').pop()!;
}

/** Text of the first ATX heading outside fenced code, or undefined. One pass over the lines, no backtracking. */
function firstHeading(body: string): string | undefined {
  let fence: string | undefined;
  for (let start = 0; start < body.length;) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    const from = start;
    start = end + 1;
    const marker = fenceMarker(body, from, end);
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && body.slice(from, end).trim() === marker)
        fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    let level = 0;
    while (level < 7 && body.charCodeAt(from + level) === 0x23 /* # */) level++;
    const after = body.charCodeAt(from + level);
    if (level === 0 || level > 6 || (after !== 0x20 && after !== 0x09) || from + level >= end) continue;
    // Closing `#`s count only after whitespace (`# C#` keeps its `#`), as in CommonMark.
    let text = body.slice(from + level + 1, end).trim();
    let cut = text.length;
    while (cut > 0 && text[cut - 1] === '#') cut--;
    if (cut === 0 || text[cut - 1] === ' ' || text[cut - 1] === '\t') text = text.slice(0, cut).trim();
    if (text !== '') return text;
  }
  return undefined;
}

/**
 * Plain text of a Markdown body for search and snippets: markup characters and link URLs dropped. An
 * approximation (search words, not the rendered page), in linear time: every character class below excludes the
 * character that starts its pattern, so a failed try stops at the next candidate instead of the line's end.
 */
export function plainText(body: string): string {
  return body
    .replace(/\[\[([^[\]\n|]*\|)?([^[\]\n]+)\]\]/g, (_w, label: string | undefined, target: string) =>
      label ? label.slice(0, -1) : target,
    )
    .replace(/!?\[([^[\]\n]*)\]\([^()\n]*\)/g, '$1')
    .replace(/<[^<>\n]+>/g, ' ')
    .replace(/^[ \t]*(#{1,6}|>|[-*+]|\d{1,9}\.)[ \t]+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The most characters of a page's words that search indexes (and reads snippets from); the rest is not searchable. */
export const MAX_SEARCH_TEXT_CHARS = 131_072;

/** The words search indexes for a page body: {@link plainText} of its start, at most {@link MAX_SEARCH_TEXT_CHARS}. */
export function searchText(body: string): string {
  return plainText(body.slice(0, MAX_SEARCH_TEXT_CHARS * 2)).slice(0, MAX_SEARCH_TEXT_CHARS);
}
