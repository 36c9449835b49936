/**
 * @module Bounded inline parsing, a markdown-it plugin that replaces its core `inline` rule. markdown-it's inline
 * rules are linear on most text but costly on hostile runs (each `[` of a long run tries nested links, ≈3 µs), and
 * some grow faster than linearly within one paragraph. So inline text is parsed in segments of at most
 * {@link INLINE_SEGMENT_CHARS} (cut at a line end or a space, which a WikiLink never spans), and a page parses at
 * most {@link INLINE_MARKUP_BUDGET} weighted markup characters inline: the rest of its inline text stays plain text
 * (escaped when rendered, searchable, but without links). Ordinary pages stay far below both bounds.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { wikiLinkOf } from './wikilink-syntax.js';

/** The longest text one inline parse is given. */
export const INLINE_SEGMENT_CHARS = 4096;
/** Weighted markup characters one page may have parsed inline (see {@link markupCost}). */
export const INLINE_MARKUP_BUDGET = 16_384;

/** markdown-it's inline terminators (each makes the parser try its rules); brackets cost most (nested links). */
const WEIGHT = new Uint8Array(128);
for (const c of '\n!#$%&*+-:<=>@\\^_`{}~') WEIGHT[c.charCodeAt(0)] = 1;
WEIGHT[0x5b] = WEIGHT[0x5d] = 4; // [ ]

/** The weighted markup cost of inline text. */
export function markupCost(text: string): number {
  let cost = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) cost += WEIGHT[c]!;
  }
  return cost;
}

/** Where the segment starting at `from` ends: after a newline, else after a space, else at the limit. */
export function segmentEnd(text: string, from: number): number {
  const limit = from + INLINE_SEGMENT_CHARS;
  if (limit >= text.length) return text.length;
  const floor = from + INLINE_SEGMENT_CHARS / 2;
  let space = -1;
  for (let i = limit - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return i + 1;
    if (space === -1 && c === 0x20) space = i + 1;
  }
  if (space !== -1) return space;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit; // never between the halves of a surrogate pair
}

function parseSegments(state: StateCore, token: Token): void {
  const { content } = token;
  const children: Token[] = (token.children ??= []);
  for (let from = 0; from < content.length;) {
    const to = segmentEnd(content, from);
    const first = children.length;
    state.md.inline.parse(content.slice(from, to), state.md, state.env, children);
    // WikiLink offsets are relative to the segment: make them relative to the token's content.
    for (let i = first; i < children.length; i++) {
      const link = wikiLinkOf(children[i]!.meta);
      if (link) {
        link.start += from;
        link.end += from;
      }
    }
    from = to;
  }
}

function boundedInlineRule(state: StateCore): void {
  let budget = INLINE_MARKUP_BUDGET;
  for (const token of state.tokens) {
    if (token.type !== 'inline') continue;
    budget -= markupCost(token.content);
    if (budget >= 0) {
      parseSegments(state, token);
    } else {
      const text = new state.Token('text', '', 0);
      text.content = token.content;
      token.children = [text];
    }
  }
}

/** Replaces markdown-it's core `inline` rule by the bounded one. */
export function boundedInline(md: MarkdownIt): void {
  md.core.ruler.at('inline', boundedInlineRule);
}
