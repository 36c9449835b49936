/**
 * @module Splits a page into the chunks semantic search embeds: one per section (the heading path is the chunk's
 * title), long sections cut into overlapping windows of words so no chunk exceeds what an embedding summarises well.
 */
import { plainText, readFrontmatter } from './markdown.js';

/** Words per chunk before a section is cut; ~200 tokens, well inside every model's input. */
export const CHUNK_WORDS = 160;
/** Words a cut section's windows share, so a sentence across a cut is whole in one of them. */
export const OVERLAP_WORDS = 32;
/** Sections shorter than this are merged into the next one under the same parent (stubs embed poorly). */
const MIN_WORDS = 12;
/**
 * Characters of a page's body that are chunked. A hostile 1 MB page (e.g. 250,000 one-word headings) cost up to
 * 1.7 s of chunking on the catch-up's thread and ~3,900 embedding calls; 64 KiB is ~10,000 words of prose.
 */
export const MAX_CHUNKED_CHARS = 64 * 1024;
/** Chunks one page contributes at most (64 × 128 new words covers {@link MAX_CHUNKED_CHARS} of prose). */
export const MAX_CHUNKS_PER_PAGE = 64;

/** One piece of a page, as embedded and as returned by semantic search. */
export interface PageChunk {
  /** The innermost heading ('' for text before the first heading). */
  readonly section: string;
  /** Headings from the outermost down, joined by ' > ' ('' before the first heading). */
  readonly sectionPath: string;
  /** Plain text of the chunk (Markdown markup dropped). */
  readonly text: string;
}

interface Section {
  path: string[];
  lines: string[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$/;

/**
 * The chunks of a page: frontmatter dropped, one chunk per section, long sections split with overlap.
 * @example await chunkPage('# Setup\n\nInstall it.\n\n## Linux\n\napt-get install foo')
 * // [{ section: 'Setup', sectionPath: 'Setup', … }, { section: 'Linux', sectionPath: 'Setup > Linux', … }]
 */
export async function chunkPage(content: string): Promise<PageChunk[]> {
  const chunks: PageChunk[] = [];
  let carry = '';
  const body = (await readFrontmatter(content)).body;
  for (const section of sections(body.length > MAX_CHUNKED_CHARS ? body.slice(0, MAX_CHUNKED_CHARS) : body)) {
    if (chunks.length >= MAX_CHUNKS_PER_PAGE) return chunks;
    const text = plainText(section.lines.join('\n'));
    const words = `${carry} ${text}`
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    const sectionPath = section.path.join(' > ');
    const heading = section.path[section.path.length - 1] ?? '';
    if (words.length < MIN_WORDS) {
      // A stub (often a heading directly followed by a sub-heading): its words lead the next section's chunk.
      carry = words.join(' ');
      continue;
    }
    carry = '';
    for (const window of windows(words)) {
      if (chunks.length >= MAX_CHUNKS_PER_PAGE) return chunks;
      chunks.push({ section: heading, sectionPath, text: window });
    }
  }
  if (carry !== '' && chunks.length < MAX_CHUNKS_PER_PAGE) chunks.push({ section: '', sectionPath: '', text: carry });
  return chunks;
}

/** The body's sections, split at headings outside fenced code. */
function sections(body: string): Section[] {
  const result: Section[] = [{ path: [], lines: [] }];
  const stack: { level: number; title: string }[] = [];
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    }
    const heading = fence === null && !fenceMatch ? HEADING.exec(line) : null;
    if (heading) {
      const level = heading[1]!.length;
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, title: plainText(heading[2]!) });
      result.push({ path: stack.map((s) => s.title), lines: [] });
    } else {
      result[result.length - 1]!.lines.push(line);
    }
  }
  return result.filter((s, i) => i > 0 || s.lines.some((l) => l.trim() !== ''));
}

/** Windows of at most {@link CHUNK_WORDS} words, consecutive ones sharing {@link OVERLAP_WORDS}. */
function windows(words: readonly string[]): string[] {
  if (words.length <= CHUNK_WORDS) return [words.join(' ')];
  const step = CHUNK_WORDS - OVERLAP_WORDS;
  const result: string[] = [];
  for (let start = 0; ; start += step) {
    const end = Math.min(words.length, start + CHUNK_WORDS);
    result.push(words.slice(start, end).join(' '));
    if (end === words.length) break;
  }
  return result;
}

/** The text a chunk is embedded as: page title and heading path first, so a chunk knows what it is about. */
export function embeddingText(title: string, chunk: PageChunk): string {
  const heading = chunk.sectionPath === '' || chunk.sectionPath === title ? title : `${title}: ${chunk.sectionPath}`;
  return `${heading}\n${chunk.text}`;
}
