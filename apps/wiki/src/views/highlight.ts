/**
 * @module Search terms marked in a plain-text snippet. The snippet is split at the matches and every piece
 * goes through the escaping `html` tag, so the marks are the only markup and no match can fall inside an
 * entity such as `&amp;`.
 */
import { html, type SafeHtml } from './html.js';

/** Enough for any real query; a pathological one (hundreds of typo expansions) is cut to keep the regex small. */
const MAX_TERMS = 64;
const WORD_CHAR = '[\\p{L}\\p{N}_]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `text` with each whole-word, case-insensitive occurrence of one of `terms` wrapped in `<mark>`.
 *
 * @example
 * ```ts
 * highlight('Otters & <otters>', ['otters']).value; // '<mark>Otters</mark> &amp; &lt;<mark>otters</mark>&gt;'
 * ```
 */
export function highlight(text: string, terms: readonly string[]): SafeHtml {
  const words = [...new Set(terms.map((t) => t.trim()).filter((t) => t !== ''))].slice(0, MAX_TERMS);
  if (words.length === 0) return html`${text}`;
  // Longest first, so "otters" is marked whole rather than as "otter" plus a tail.
  const alternatives = words
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const pattern = new RegExp(`(?<!${WORD_CHAR})(${alternatives})(?!${WORD_CHAR})`, 'giu');
  // split with one capturing group: even indices are plain text, odd ones the matches.
  const parts = text.split(pattern);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<mark>${part}</mark>` : part))}`;
}

/** The words of a query, for highlighting when the search gave no matched terms. */
export function queryWords(query: string): string[] {
  return query.split(/[^\p{L}\p{N}_]+/u).filter((w) => w !== '');
}
