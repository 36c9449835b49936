/**
 * @module Rendered pages kept in the data directory, so that a cold container showing a page that has not changed
 * since it was last rendered never loads markdown-it: its import and first render were about a fifth of a cold
 * page view (~58 M of ~262 M instructions). One file per page in `.git/wikibot/rendered/`, beside wiki-core's caches
 * and outside the tree git tracks, written as a temporary file renamed into place, so containers sharing the
 * directory (EFS) never read a torn one. An entry is used only when all the HTML depends on is unchanged:
 * - the renderer's code, named by the caller (the bundle chunk it lives in, whose name hashes its contents and those
 *   of every chunk it imports, highlight.js and markdown-it included);
 * - the page: its path, its revision, and the length and CRC-32 of its body;
 * - which of its WikiLink targets exist (red links), checked against the index again at every use.
 * The cache only saves time: an entry that is missing, unreadable or does not match is a render, and a failed write
 * is ignored.
 */
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { TocEntry } from './headings.js';

/** Larger pages are rendered each time: reading and parsing a big entry would cost what rendering does. */
const MAX_CACHED_HTML_CHARS = 256 * 1024;

/** What a cached render depends on, of the page. */
export interface RenderedSource {
  readonly path: string;
  readonly revision: string;
  readonly body: string;
}

/** A render with the WikiLink targets whose existence it checked. */
export interface CheckedRender {
  readonly html: string;
  readonly toc: readonly TocEntry[];
  /** The targets checked, and those of them that existed. */
  readonly targets: readonly string[];
  readonly present: readonly string[];
}

interface Entry extends CheckedRender {
  readonly renderer: string;
  readonly path: string;
  readonly revision: string;
  readonly bodyLength: number;
  readonly bodyCrc: number;
}

/** Tells which of the given page paths exist (see `routes/pages.ts`). */
type Existing = (paths: readonly string[]) => Promise<ReadonlySet<string>>;

/** Where a wiki's rendered pages are kept, inside its data directory. */
export function renderedDir(dataDir: string): string {
  return join(dataDir, '.git', 'wikibot', 'rendered');
}

const entryFile = (dir: string, path: string): string => join(dir, `${crc32(path).toString(16).padStart(8, '0')}.json`);

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The cached render of `page` by `renderer`, if it still holds; undefined otherwise. */
export async function readRendered(
  dir: string,
  renderer: string,
  page: RenderedSource,
  existing: Existing,
): Promise<CheckedRender | undefined> {
  const text = await fsp.readFile(entryFile(dir, page.path), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let entry: Partial<Entry>;
  try {
    entry = JSON.parse(text) as Partial<Entry>;
  } catch {
    return undefined;
  }
  const matches =
    entry.renderer === renderer &&
    entry.path === page.path &&
    entry.revision === page.revision &&
    entry.bodyLength === page.body.length &&
    entry.bodyCrc === crc32(page.body) &&
    typeof entry.html === 'string' &&
    Array.isArray(entry.toc) &&
    isStrings(entry.targets) &&
    isStrings(entry.present);
  if (!matches) return undefined;
  const targets = entry.targets!;
  const present = targets.length > 0 ? await existing(targets) : new Set<string>();
  const before = new Set(entry.present);
  if (targets.some((target) => present.has(target) !== before.has(target))) return undefined;
  return { html: entry.html!, toc: entry.toc!, targets, present: entry.present! };
}

/** Keeps `rendered` as the render of `page` by `renderer`; failures are ignored (the cache only saves time). */
export async function writeRendered(
  dir: string,
  renderer: string,
  page: RenderedSource,
  rendered: CheckedRender,
): Promise<void> {
  if (rendered.html.length > MAX_CACHED_HTML_CHARS) return;
  const entry: Entry = {
    renderer,
    path: page.path,
    revision: page.revision,
    bodyLength: page.body.length,
    bodyCrc: crc32(page.body),
    html: rendered.html,
    toc: rendered.toc,
    targets: rendered.targets,
    present: rendered.present,
  };
  const file = entryFile(dir, page.path);
  const tmp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await fsp.mkdir(dir, { recursive: true });
    await fsp.writeFile(tmp, JSON.stringify(entry));
    await fsp.rename(tmp, file);
  } catch {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
  }
}
