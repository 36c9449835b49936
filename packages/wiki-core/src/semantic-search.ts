/**
 * @module Answers a semantic search: the query's vector against every chunk (exact, brute force over int8 rows),
 * at most `maxChunksPerPage` chunks per page, optionally fused with the lexical ranking (reciprocal-rank fusion).
 * When the model cannot be reached or the store is still being built, it answers lexically and says so.
 */
import { chunkPage } from './chunker.js';
import { InvalidArgumentError } from './errors.js';
import type { GitStore } from './git-store.js';
import { plainText, readFrontmatter } from './markdown.js';
import type { PageIndex } from './page-index.js';
import type { SemanticIndex } from './semantic-index.js';
import type { SearchHit } from './types.js';
import { rowDistance, unitVector, type PageVectors } from './vector-store.js';

/** How long a search waits for the store to take in recent writes before answering from what it has. */
const SETTLE_MS = 1500;
/** Reciprocal-rank fusion constant (the usual 60: ranks beyond the first few count about equally). */
const RRF_K = 60;
const SNIPPET_CHARS = 150;

/** Options of `Wiki.semanticSearch`, with otterwiki-mcp's defaults. */
export interface SemanticSearchOptions {
  /** Results (chunks) to return, 1–50 (default 5). */
  readonly n?: number;
  /** At most this many chunks of one page, 1–10 (default 2). */
  readonly maxChunksPerPage?: number;
  /** `semantic` (default) ranks by vector distance; `hybrid` fuses it with the lexical ranking. */
  readonly mode?: 'semantic' | 'hybrid';
}

/** One chunk found by semantic search. */
export interface SemanticHit {
  readonly path: string;
  readonly title: string;
  /** Innermost heading of the chunk ('' before the first heading). */
  readonly section: string;
  /** Heading path, outermost first, joined by ' > '. */
  readonly sectionPath: string;
  /** The chunk's plain text. */
  readonly text: string;
  /** The chunk's first ~150 characters. */
  readonly snippet: string;
  /** Cosine distance (0 = same direction, 1 = unrelated); absent for a lexical fallback hit. */
  readonly distance?: number;
  /** Lexical score, for fallback hits only. */
  readonly score?: number;
  /** Position of the chunk in its page, from 0 (absent for a lexical fallback hit, as the two below). */
  readonly chunkIndex?: number;
  readonly totalChunks?: number;
  readonly pageWordCount?: number;
}

/** What a semantic search returns. */
export interface SemanticSearchResult {
  readonly query: string;
  /** How the results were ranked: `lexical` when semantic search could not answer (see `note`). */
  readonly mode: 'semantic' | 'hybrid' | 'lexical';
  readonly results: SemanticHit[];
  /** Why results are lexical or may miss recent changes; absent when all is well. */
  readonly note?: string;
}

interface Candidate {
  readonly key: string;
  readonly row: number;
  readonly distance: number;
}

/** Runs one semantic search; `lexical` is the wiki's keyword search. */
export async function semanticSearch(
  semantic: SemanticIndex | null,
  index: PageIndex,
  store: GitStore,
  lexical: (query: string, limit: number) => Promise<SearchHit[]>,
  query: string,
  options: SemanticSearchOptions,
): Promise<SemanticSearchResult> {
  const q = String(query ?? '')
    .trim()
    .slice(0, 2000);
  if (q === '') throw new InvalidArgumentError('The search query is empty');
  const n = clamp(options.n, 5, 50);
  const perPage = clamp(options.maxChunksPerPage, 2, 10);
  const fallback = async (note: string): Promise<SemanticSearchResult> => ({
    query: q,
    mode: 'lexical',
    note,
    results: (await lexical(q, n)).map(lexicalHit),
  });

  if (semantic === null) return fallback('Semantic search is not configured; these are keyword results.');
  const current = await semantic.settle(SETTLE_MS);
  if (semantic.pages.size === 0 && !current) {
    return fallback('The semantic index is being built; these are keyword results.');
  }
  let vector: Float32Array;
  try {
    [vector] = (await semantic.provider.embed([q], 'query')) as [Float32Array];
  } catch {
    return fallback(
      'Semantic search is unavailable right now (the embedding model could not be reached); these are keyword results.',
    );
  }
  const unit = unitVector(vector);
  const hybrid = options.mode === 'hybrid';
  const best = bestChunks(semantic, index, unit, perPage, hybrid ? FUSION_DEPTH : n);
  const chosen = hybrid
    ? fuse(semantic, unit, best, await lexical(q, 50), n, perPage)
    : best.flat().sort(byDistance).slice(0, n);
  const results = await Promise.all(chosen.map((c) => describe(semantic, index, store, c)));
  const note = current ? undefined : 'The semantic index is catching up with recent changes; they may be missing.';
  return { query: q, mode: options.mode === 'hybrid' ? 'hybrid' : 'semantic', results, ...(note ? { note } : {}) };
}

/** Pages kept from the semantic ranking for fusion: ranks beyond this add under 1/160 each to an RRF score. */
const FUSION_DEPTH = 100;

/**
 * The `keep` pages (that still exist) whose nearest chunk is nearest, each with its `perPage` nearest chunks,
 * nearest first. The n nearest chunks overall, at most `perPage` a page, all lie in the n best pages, so `keep = n`
 * answers a semantic search exactly without ranking every page.
 */
function bestChunks(
  semantic: SemanticIndex,
  index: PageIndex,
  query: Float32Array,
  perPage: number,
  keep: number,
): Candidate[][] {
  const dims = semantic.provider.dimensions;
  const best: Candidate[][] = [];
  for (const [key, page] of semantic.pages) {
    const worst = best.length < keep ? Infinity : best[best.length - 1]![0]!.distance;
    const chunks = nearestRows(key, page, query, dims, perPage, worst);
    if (chunks.length === 0 || !index.hasPage(key)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]![0]!.distance > chunks[0]!.distance) at--;
    best.splice(at, 0, chunks);
    if (best.length > keep) best.pop();
  }
  return best;
}

/** A page's `perPage` nearest rows, nearest first; none when even its nearest is not nearer than `bound`. */
function nearestRows(
  key: string,
  page: PageVectors,
  query: Float32Array,
  dims: number,
  perPage: number,
  bound: number,
): Candidate[] {
  const out: Candidate[] = [];
  for (let row = 0; row < page.inverseNorms.length; row++) {
    const distance = rowDistance(page, row, query, dims);
    if (out.length === perPage && distance >= out[perPage - 1]!.distance) continue;
    let at = out.length;
    while (at > 0 && out[at - 1]!.distance > distance) at--;
    out.splice(at, 0, { key, row, distance });
    if (out.length > perPage) out.pop();
  }
  return out.length > 0 && out[0]!.distance < bound ? out : [];
}

/** Pages ranked by reciprocal-rank fusion of the semantic and lexical rankings; each page's nearest chunks. */
function fuse(
  semantic: SemanticIndex,
  query: Float32Array,
  semanticPages: Candidate[][],
  lexicalHits: SearchHit[],
  n: number,
  perPage: number,
): Candidate[] {
  const score = new Map<string, number>();
  const chunksOf = new Map(semanticPages.map((chunks) => [chunks[0]!.key, chunks]));
  semanticPages.forEach((chunks, rank) => score.set(chunks[0]!.key, 1 / (RRF_K + rank + 1)));
  lexicalHits.forEach((hit, rank) => {
    const key = hit.path.toLowerCase();
    score.set(key, (score.get(key) ?? 0) + 1 / (RRF_K + rank + 1));
    const page = semantic.pages.get(key);
    // A keyword hit beyond the semantic pages kept: its nearest chunks, computed for it alone.
    if (!chunksOf.has(key) && page)
      chunksOf.set(key, nearestRows(key, page, query, semantic.provider.dimensions, perPage, Infinity));
  });
  const ranked = [...score].filter(([key]) => (chunksOf.get(key)?.length ?? 0) > 0).sort((a, b) => b[1] - a[1]);
  const out: Candidate[] = [];
  for (const [key] of ranked) {
    for (const chunk of chunksOf.get(key)!) if (out.length < n) out.push(chunk);
    if (out.length >= n) break;
  }
  return out;
}

/** The hit for a chosen chunk, its text re-cut from the very blob its vector was computed from. */
async function describe(
  semantic: SemanticIndex,
  index: PageIndex,
  store: GitStore,
  c: Candidate,
): Promise<SemanticHit> {
  const page = semantic.pages.get(c.key)!;
  const meta = index.page(c.key)!;
  const content = await store.readText(page.oid);
  const chunks = await chunkPage(content);
  const chunk = chunks[c.row];
  const text = chunk?.text ?? '';
  return {
    path: meta.path,
    title: meta.title,
    section: chunk?.section ?? '',
    sectionPath: chunk?.sectionPath ?? page.sections[c.row] ?? '',
    text,
    snippet: cut(text),
    distance: Math.round(c.distance * 10_000) / 10_000,
    chunkIndex: c.row,
    totalChunks: page.sections.length,
    pageWordCount: wordCount((await readFrontmatter(content)).body),
  };
}

function lexicalHit(hit: SearchHit): SemanticHit {
  return {
    path: hit.path,
    title: hit.title,
    section: '',
    sectionPath: '',
    text: hit.snippet,
    snippet: hit.snippet,
    score: hit.score,
  };
}

function wordCount(body: string): number {
  const text = plainText(body);
  return text === '' ? 0 : text.split(' ').length;
}

function cut(text: string): string {
  if (text.length <= SNIPPET_CHARS) return text;
  const head = text.slice(0, SNIPPET_CHARS);
  const space = head.lastIndexOf(' ');
  return `${space > 40 ? head.slice(0, space) : head}…`;
}

function byDistance(a: Candidate, b: Candidate): number {
  return a.distance - b.distance;
}

function clamp(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(value)));
}
