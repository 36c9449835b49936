/**
 * @module A markdown-it inline rule for WikiLinks: `[[Page]]` and `[[Label|Page]]` (label first, as in
 * An Otter Wiki), with an optional `#fragment`. The rule only emits tokens; the label is a text token the
 * renderer escapes, and the target becomes `/` + the percent-encoded canonical page path.
 */
import type { MarkdownIt } from 'markdown-it';
import { normalizePagePath } from '@wikibot/wiki-core';
import { pageHref } from '../views/urls.js';

/** What the renderer learns about one WikiLink while parsing. */
export interface WikiLinkMeta {
  /** Canonical page path. */
  readonly target: string;
}

/** Splits `Label|Page#frag` into its parts; the canonical target is undefined when the path is invalid. */
export function parseWikiLink(inner: string): { label: string; target?: string; fragment: string } {
  const bar = inner.indexOf('|');
  const label = (bar === -1 ? inner : inner.slice(0, bar)).trim();
  const rawTarget = (bar === -1 ? inner : inner.slice(bar + 1)).trim();
  const hash = rawTarget.indexOf('#');
  const pathPart = hash === -1 ? rawTarget : rawTarget.slice(0, hash);
  const fragment = hash === -1 ? '' : rawTarget.slice(hash + 1);
  let target: string | undefined;
  try {
    target = pathPart ? normalizePagePath(pathPart.replace(/^\/+/, '')) : undefined;
  } catch {
    target = undefined;
  }
  return { label: label || rawTarget, target, fragment };
}

/** Registers the `wikilink` inline rule on a markdown-it instance. */
export function wikiLinksPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'wikilink', (state, silent) => {
    const start = state.pos;
    if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5b) return false;
    const end = state.src.indexOf(']]', start + 2);
    if (end === -1) return false;
    const inner = state.src.slice(start + 2, end);
    if (!inner.trim() || /[[\]\n]/.test(inner)) return false;
    if (!silent) {
      const { label, target, fragment } = parseWikiLink(inner);
      if (target === undefined) {
        const text = state.push('text', '', 0);
        text.content = `[[${inner}]]`;
      } else {
        const open = state.push('link_open', 'a', 1);
        const suffix = fragment ? `#${encodeURIComponent(fragment)}` : '';
        open.attrs = [['href', pageHref(target, suffix)], ['class', 'wikilink']];
        open.meta = { target } satisfies WikiLinkMeta;
        const text = state.push('text', '', 0);
        text.content = label;
        state.push('link_close', 'a', -1);
      }
    }
    state.pos = end + 2;
    return true;
  });
}
