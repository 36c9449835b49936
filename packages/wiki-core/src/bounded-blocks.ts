/**
 * @module Bounded block parsing, a markdown-it plugin. markdown-it's block parser is linear, but each block costs
 * several tokens (≈9 µs for a paragraph or list item), and a list or a table is built by one rule that no other
 * rule can interrupt: a 1 MB page of empty list items, or a table a million cells wide, costs seconds. So before
 * parsing, the page is cut where its estimated block count passes {@link BLOCK_BUDGET} (or before a table wider
 * than {@link MAX_TABLE_COLUMNS}); markdown-it parses the part before the cut, and the rest of the page becomes
 * one preformatted plain-text block (`code_block`, `meta.overBudget`). Ordinary pages are never cut.
 */
import type { MarkdownIt, StateCore } from 'markdown-it';

/** Estimated blocks (lines outside fences, plus one per container marker starting a line) one page may have. */
export const BLOCK_BUDGET = 4096;
/** A line with more `|` than this (a table's delimiter row) ends the parsed part of the page. */
export const MAX_TABLE_COLUMNS = 1000;

/** Blocks a line may open: itself, plus one per `>` and list marker at its start. Linear in the line. */
function lineCost(src: string, from: number, to: number): number {
  let cost = 1;
  let i = from;
  for (;;) {
    while (i < to && (src.charCodeAt(i) === 0x20 || src.charCodeAt(i) === 0x09)) i++;
    const c = src.charCodeAt(i);
    if (i < to && c === 0x3e /* > */) {
      i++;
    } else if (i < to && (c === 0x2d || c === 0x2a || c === 0x2b) && (i + 1 >= to || src.charCodeAt(i + 1) === 0x20)) {
      i += 2;
    } else {
      let d = i;
      while (d < to && d - i < 9 && src.charCodeAt(d) >= 0x30 && src.charCodeAt(d) <= 0x39) d++;
      const after = src.charCodeAt(d);
      if (d === i || d >= to || (after !== 0x2e && after !== 0x29)) return cost;
      i = d + 1;
    }
    cost++;
  }
}

function tooWide(src: string, from: number, to: number): boolean {
  if (to - from <= MAX_TABLE_COLUMNS) return false;
  let pipes = 0;
  for (let i = src.indexOf('|', from); i !== -1 && i < to; i = src.indexOf('|', i + 1)) {
    if (++pipes > MAX_TABLE_COLUMNS) return true;
  }
  return false;
}

/** The ``` or ~~~ run opening the line (after at most 3 spaces), or undefined. Looks at the line's start only. */
export function fenceMarker(src: string, from: number, to: number): string | undefined {
  let i = from;
  while (i < to && i - from < 3 && src.charCodeAt(i) === 0x20) i++;
  const c = src.charCodeAt(i);
  if (c !== 0x60 && c !== 0x7e) return undefined;
  let end = i;
  while (end < to && src.charCodeAt(end) === c) end++;
  return end - i >= 3 ? src.slice(i, end) : undefined;
}

/** Offset of the line at which parsing stops: the source length for every ordinary page. */
export function blockCut(src: string): number {
  let cost = 0;
  let fence = '';
  let previous = 0;
  for (let from = 0; from < src.length;) {
    let to = src.indexOf('\n', from);
    if (to === -1) to = src.length;
    const marker = fenceMarker(src, from, to);
    if (fence !== '') {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = '';
    } else {
      if (marker) fence = marker;
      if (to > from) cost += lineCost(src, from, to);
      if (tooWide(src, from, to)) return previous;
    }
    if (cost > BLOCK_BUDGET) return from;
    previous = from;
    from = to + 1;
  }
  return src.length;
}

/** Plain tails cut off by `block_budget`, until `block_budget_tail` appends them. */
const tails = new WeakMap<StateCore, string>();

function cutRule(state: StateCore): void {
  const cut = blockCut(state.src);
  if (cut >= state.src.length) return;
  tails.set(state, state.src.slice(cut));
  state.src = state.src.slice(0, cut);
}

function tailRule(state: StateCore): void {
  const tail = tails.get(state);
  if (tail === undefined) return;
  tails.delete(state);
  let line = 0;
  for (let i = state.src.indexOf('\n'); i !== -1; i = state.src.indexOf('\n', i + 1)) line++;
  let lines = 1;
  for (let i = tail.indexOf('\n'); i !== -1; i = tail.indexOf('\n', i + 1)) lines++;
  const token = new state.Token('code_block', 'code', 0);
  token.content = tail;
  token.map = [line, line + lines];
  token.meta = { overBudget: true };
  token.block = true;
  state.tokens.push(token);
  state.src += tail;
}

/** Installs the cut (after markdown-it normalises the text) and the plain tail (after its block parse). */
export function boundedBlocks(md: MarkdownIt): void {
  md.core.ruler.after('normalize', 'block_budget', cutRule);
  md.core.ruler.after('block', 'block_budget_tail', tailRule);
}
