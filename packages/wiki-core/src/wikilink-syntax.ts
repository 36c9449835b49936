/**
 * @module The wiki's one WikiLink grammar, as a markdown-it plugin: `[[Page]]` and `[[Label|Page]]` (label first,
 * as in An Otter Wiki), with an optional `#fragment`. The renderer draws its tokens, the indexer reads links from
 * them and renames rewrite the source spans they record, so `[[X]]` inside code is a link to none of them.
 * This file imports no markdown-it code (types only): the apps may import it without loading the parser.
 */
import type { MarkdownIt, StateInline } from 'markdown-it';
import { normalizePagePath } from './paths.js';

/** The longest text between `[[` and `]]`; a longer one is no WikiLink (and scanning for its end stops there). */
export const MAX_WIKILINK_CHARS = 2048;

/** What a WikiLink's `link_open` token carries in `meta.wikiLink`. */
export interface WikiLinkMeta {
  /** Canonical target page path. */
  readonly target: string;
  /** The label shown: the text before `|`, else the target as written. */
  readonly label: string;
  /** True when written with a label (`[[Label|Page]]`). */
  readonly labelled: boolean;
  /** The `#fragment` as written, with its `#` (or ''). */
  readonly anchor: string;
  /** Offsets of `[[` and just after `]]` in the inline text the token was parsed from. */
  start: number;
  end: number;
}

/** Options of {@link wikiLinks}. */
export interface WikiLinksOptions {
  /** The link's URL for a canonical target and its `#fragment` (without `#`); default `/` + encoded path. */
  readonly href?: (target: string, fragment: string) => string;
}

/** Splits `Label|Page#frag` into its parts; `target` is undefined when the page path is invalid. */
export function splitWikiLink(inner: string): { label: string; target?: string; anchor: string; labelled: boolean } {
  const bar = inner.indexOf('|');
  const rawTarget = (bar === -1 ? inner : inner.slice(bar + 1)).trim();
  const hash = rawTarget.indexOf('#');
  const path = (hash === -1 ? rawTarget : rawTarget.slice(0, hash)).trim();
  const anchor = hash === -1 ? '' : rawTarget.slice(hash).trim();
  const label = (bar === -1 ? '' : inner.slice(0, bar)).trim() || rawTarget;
  let target: string | undefined;
  try {
    target = path === '' ? undefined : normalizePagePath(path.replace(/^\/+/, ''));
  } catch {
    target = undefined;
  }
  return { label, target, anchor, labelled: bar !== -1 };
}

const defaultHref = (target: string, fragment: string): string =>
  `/${target.split('/').map(encodeURIComponent).join('/')}${fragment ? `#${encodeURIComponent(fragment)}` : ''}`;

/** End of the `]]` closing a WikiLink that starts at `start`, or -1. Stops at the first `[`, `]` or newline. */
function closingOf(src: string, start: number, max: number): number {
  const limit = Math.min(max, start + 2 + MAX_WIKILINK_CHARS + 2);
  for (let i = start + 2; i < limit; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x0a || c === 0x5b) return -1;
    if (c === 0x5d) return src.charCodeAt(i + 1) === 0x5d && i + 1 < max && i > start + 2 ? i + 2 : -1;
  }
  return -1;
}

function wikiLinkRule(href: (target: string, fragment: string) => string) {
  return (state: StateInline, silent: boolean): boolean => {
    const start = state.pos;
    if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5b) return false;
    const end = closingOf(state.src, start, state.posMax);
    if (end === -1) return false;
    const inner = state.src.slice(start + 2, end - 2);
    if (inner.trim() === '') return false;
    if (!silent) {
      const { label, target, anchor, labelled } = splitWikiLink(inner);
      if (target === undefined) {
        state.push('text', '', 0).content = `[[${inner}]]`;
      } else {
        const open = state.push('link_open', 'a', 1);
        open.attrs = [
          ['href', href(target, anchor.slice(1))],
          ['class', 'wikilink'],
        ];
        const wikiLink: WikiLinkMeta = { target, label, labelled, anchor, start, end };
        open.meta = { wikiLink };
        state.push('text', '', 0).content = label;
        state.push('link_close', 'a', -1);
      }
    }
    state.pos = end;
    return true;
  };
}

/** The WikiLink token's metadata, if `meta` belongs to one. */
export function wikiLinkOf(meta: unknown): WikiLinkMeta | undefined {
  return (meta as { wikiLink?: WikiLinkMeta } | null)?.wikiLink;
}

/**
 * Registers the `wikilink` inline rule (before markdown-it's `link`).
 * @example md.use(wikiLinks, { href: (target, fragment) => `/wiki/${encodeURIComponent(target)}` })
 */
export function wikiLinks(md: MarkdownIt, options?: WikiLinksOptions): void {
  md.inline.ruler.before('link', 'wikilink', wikiLinkRule(options?.href ?? defaultHref));
}
