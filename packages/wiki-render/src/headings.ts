/**
 * @module Heading ids and the table of contents, as An Otter Wiki makes them: each heading gets the slug of its text
 * (`Getting Started!` → `getting-started`; a repeated slug gets `-1`, `-2`, …), and the page's table of contents
 * lists the headings in order with those ids, so links copied from An Otter Wiki keep working.
 */
import type { MarkdownIt, Token } from 'markdown-it';

/** One heading of a page, as its table of contents lists it. */
export interface TocEntry {
  /** 1–6. */
  readonly level: number;
  /** The heading's text, without markup. */
  readonly text: string;
  /** Its element id (the fragment that links to it). */
  readonly id: string;
}

/** Ids the page frame (and the edit form, beside the preview) uses: a heading never takes one; it gets a suffix. */
export const FRAME_IDS: readonly string[] = ['main', 'content', 'theme-toggle'];

/**
 * An Otter Wiki's `slugify`: NFKD, non-ASCII dropped, lower case, anything but letters, digits, `_`, `-` and
 * spaces dropped, runs of spaces and hyphens made one `-`. Text with nothing left becomes `section`.
 *
 * @example
 * ```ts
 * slugify('Café & Crème, part 2'); // 'cafe-creme-part-2'
 * ```
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .replace(/[-\s]+/g, '-');
  return slug || 'section';
}

/** The plain text of a heading's inline token: text and code, no markup. */
function plainText(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .filter((t) => t.type === 'text' || t.type === 'code_inline')
    .map((t) => t.content)
    .join('');
}

/**
 * markdown-it plugin: sets each heading's `id` and collects the headings in `env.toc` (an array the caller passes
 * in `env`; absent → ids only).
 */
export function headingIds(md: MarkdownIt): void {
  md.core.ruler.push('heading_ids', (state) => {
    const used = new Map<string, number>(FRAME_IDS.map((id) => [id, 0]));
    const toc = (state.env as { toc?: TocEntry[] }).toc;
    for (let i = 0; i < state.tokens.length; i++) {
      const token = state.tokens[i]!;
      if (token.type !== 'heading_open') continue;
      const text = plainText(state.tokens[i + 1]);
      const base = slugify(text);
      let id = base;
      // Otterwiki's rule (`foo`, `foo-1`, `foo-2`), skipping a suffixed id that is taken too.
      if (used.has(id)) {
        let n = used.get(base)!;
        do id = `${base}-${++n}`;
        while (used.has(id));
        used.set(base, n);
      }
      used.set(id, 0);
      token.attrSet('id', id);
      toc?.push({ level: Number(token.tag.slice(1)), text, id });
    }
  });
}
