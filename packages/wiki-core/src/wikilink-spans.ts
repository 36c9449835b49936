/**
 * @module Where each WikiLink token stands in the page source, for renames. markdown-it gives block tokens line
 * ranges (`map`) but inline text only as a copy (indentation, `>` markers, heading marks and table pipes removed),
 * so each line of an inline token's text is found again in its source line, and every span is checked against
 * the source before it is used: a link whose place cannot be proven is left alone, never guessed.
 */
import type { Token } from 'markdown-it';
import { wikiLinkOf, type WikiLinkMeta } from './wikilink-syntax.js';

/** One WikiLink and its `[start, end)` offsets in the source. */
export interface WikiLinkSpan {
  readonly link: WikiLinkMeta;
  readonly start: number;
  readonly end: number;
}

/** Lines longer than this are searched only at their end (a cell in the middle of a huge table row is skipped). */
const MAX_SEARCHED_LINE = 65_536;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Column of `part` in `line`, searching from `from`; -1 when it is not there. */
function columnIn(line: string, part: string, from: number): number {
  if (line.endsWith(part) && line.length - part.length >= from) return line.length - part.length;
  const trimmed = line.trimEnd();
  if (trimmed.endsWith(part) && trimmed.length - part.length >= from) return trimmed.length - part.length;
  return line.length <= MAX_SEARCHED_LINE ? line.indexOf(part, from) : -1;
}

/**
 * The WikiLinks of `source` (LF line ends, as markdown-it normalises them) with their offsets, in source order.
 * `tokens` is markdown-it's parse of `source`.
 */
export function wikiLinkSpans(source: string, tokens: readonly Token[]): WikiLinkSpan[] {
  const starts = lineStarts(source);
  const lineText = (n: number): string =>
    source.slice(starts[n], n + 1 < starts.length ? starts[n + 1]! - 1 : source.length);
  const cursors = new Map<number, number>(); // per source line: where the next inline token's text may start
  const spans: WikiLinkSpan[] = [];
  let lines: readonly [number, number] | null = null;
  for (const token of tokens) {
    if (token.map) lines = token.map as [number, number];
    if (token.type !== 'inline' || !lines || !token.children) continue;
    const links = token.children.map((t) => wikiLinkOf(t.meta)).filter((l): l is WikiLinkMeta => l !== undefined);
    links.sort((a, b) => a.start - b.start);
    // Every inline token is placed, links or not: table cells share a line, and each is searched after the last.
    // Source offset of each line of the token's text, or -1 when that line cannot be placed.
    const parts = token.content.split('\n');
    const partStarts: number[] = [];
    const placed: number[] = [];
    let offset = 0;
    for (let i = 0; i < parts.length; i++) {
      const n = lines[0] + i;
      partStarts.push(offset);
      offset += parts[i]!.length + 1;
      if (n >= lines[1] || n >= starts.length) {
        placed.push(-1);
        continue;
      }
      const cursor = cursors.get(n) ?? 0;
      const column = cursor === Infinity ? -1 : columnIn(lineText(n), parts[i]!, cursor);
      placed.push(column === -1 ? -1 : starts[n]! + column);
      // A text that cannot be placed makes the rest of its line unplaceable too: a later search could land early.
      cursors.set(n, column === -1 ? Infinity : column + parts[i]!.length);
    }
    let part = 0;
    for (const link of links) {
      while (part + 1 < partStarts.length && partStarts[part + 1]! <= link.start) part++;
      if (placed[part] === -1) continue;
      const start = placed[part]! + link.start - partStarts[part]!;
      const end = start + (link.end - link.start);
      if (source.slice(start, end) === token.content.slice(link.start, link.end)) spans.push({ link, start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
