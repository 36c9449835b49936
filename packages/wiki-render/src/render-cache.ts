/**
 * @module Rendered pages kept in the data directory, so that a cold container showing a page that has not changed
 * since it was last rendered never loads markdown-it: its import and first render were about a fifth of a cold
 * page view (~58 M of ~262 M instructions). One file per page in `.git/wikibot/rendered/`, beside wiki-core's caches
 * and outside the tree git tracks, written as a temporary file renamed into place, so containers sharing the
 * directory (EFS) never read a torn one. An entry is used only when all the HTML depends on is unchanged:
 * - the renderer's code: {@link RENDERER_KEY}, which the bundler sets to the hash of every source this package's
 *   renderer reaches (markdown-it, highlight.js and wiki-core's grammar included), so entries outlive deployments
 *   that leave the renderer as it was, and a render kept by one app is the other's;
 * - the page: its path and the id of the git blob holding its text (content-addressed: the same id, the same text),
 *   both from wiki-core's index, so a cache hit reads no git object (and loads no node:zlib to inflate one);
 * - which of its WikiLink targets exist (red links), checked against the index again at every use.
 * The cache only saves time: an entry that is missing, unreadable or does not match is a render, and a failed write
 * is ignored.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageHead, WikiApi } from '@wikibot/wiki-core';
import { existingPages, type ExistingPages } from './existing-pages.js';
import type { TocEntry } from './headings.js';

declare const WIKIBOT_RENDERER_KEY: string | undefined;

/**
 * The renderer's code as the bundler hashed it (`--content-key WIKIBOT_RENDERER_KEY=@wikibot/wiki-render` in each
 * app's build script, so both apps' bundles name the same renderer alike); undefined outside a bundle (tsx), where
 * pages are not cached.
 */
export const RENDERER_KEY: string | undefined =
  typeof WIKIBOT_RENDERER_KEY === 'string' ? WIKIBOT_RENDERER_KEY : undefined;

/** Larger pages are rendered each time: reading and parsing a big entry would cost what rendering does. */
const MAX_CACHED_HTML_CHARS = 256 * 1024;

/** What a cached render depends on, of the page: its path and the blob id of its text. */
export interface RenderedSource {
  readonly path: string;
  readonly blob: string;
}

/** A render with the WikiLink targets whose existence it checked. */
export interface CheckedRender {
  readonly html: string;
  readonly toc: readonly TocEntry[];
  /** True when the text opens with its own level-1 heading (the page then shows no title above it). */
  readonly ownHeading: boolean;
  /** The targets checked, and those of them that existed. */
  readonly targets: readonly string[];
  readonly present: readonly string[];
}

interface Entry extends CheckedRender {
  readonly renderer: string;
  readonly path: string;
  readonly blob: string;
}

/** Where a wiki's rendered pages are kept, inside its data directory. */
export function renderedDir(dataDir: string): string {
  return join(dataDir, '.git', 'wikibot', 'rendered');
}

/** FNV-1a of a page path: names its entry's file (a collision is a miss: the entry names its path). */
function pathHash(path: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const entryFile = (dir: string, path: string): string =>
  join(dir, `${pathHash(path).toString(16).padStart(8, '0')}.json`);

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The cached render of `page` by `renderer`, if it still holds; undefined otherwise. */
export async function readRendered(
  dir: string,
  renderer: string,
  page: RenderedSource,
  existing: ExistingPages,
): Promise<CheckedRender | undefined> {
  // Read synchronously, like wiki-core's reads at open: a view of a page rendered before then makes no asynchronous
  // file call, so libuv's thread pool is never started (~1-3 ms of a cold start's wall time).
  let text: string;
  try {
    text = readFileSync(entryFile(dir, page.path), 'utf8');
  } catch {
    return undefined;
  }
  let entry: Partial<Entry>;
  try {
    entry = JSON.parse(text) as Partial<Entry>;
  } catch {
    return undefined;
  }
  const matches =
    entry.renderer === renderer &&
    entry.path === page.path &&
    entry.blob === page.blob &&
    typeof entry.html === 'string' &&
    typeof entry.ownHeading === 'boolean' &&
    Array.isArray(entry.toc) &&
    isStrings(entry.targets) &&
    isStrings(entry.present);
  if (!matches) return undefined;
  const targets = entry.targets!;
  const present = targets.length > 0 ? await existing(targets) : new Set<string>();
  const before = new Set(entry.present);
  if (targets.some((target) => present.has(target) !== before.has(target))) return undefined;
  return { html: entry.html!, toc: entry.toc!, ownHeading: entry.ownHeading!, targets, present: entry.present! };
}

/** Keeps `rendered` as the render of `page` by `renderer`; failures are ignored (the cache only saves time). */
export function writeRendered(dir: string, renderer: string, page: RenderedSource, rendered: CheckedRender): void {
  if (rendered.html.length > MAX_CACHED_HTML_CHARS) return;
  const entry: Entry = {
    renderer,
    path: page.path,
    blob: page.blob,
    html: rendered.html,
    toc: rendered.toc,
    ownHeading: rendered.ownHeading,
    targets: rendered.targets,
    present: rendered.present,
  };
  const file = entryFile(dir, page.path);
  const tmp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  // Written synchronously, as the entry is read: a first render then makes no asynchronous file call either, and
  // libuv's thread pool (whose start waits for four threads, ~1-3 ms) is not started for it.
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, file);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the cache only saves time
    }
  }
}

/**
 * The render kept for page `head` of `wiki` (its data directory `dataDir`) by this renderer, if it still holds;
 * undefined otherwise, and always outside a bundle (no {@link RENDERER_KEY}).
 */
export async function keptRender(wiki: WikiApi, head: PageHead, dataDir: string): Promise<CheckedRender | undefined> {
  if (RENDERER_KEY === undefined) return undefined;
  return readRendered(renderedDir(dataDir), RENDERER_KEY, head, existingPages(wiki));
}
