/**
 * @module Page names as An Otter Wiki shows them, and the file each name is stored in: the one rule behind the
 * names the browser, MCP and the REST API show (`test-page.md` → `Test-Page`).
 */
import { pageKey, normalizePagePath } from './paths.js';
import { titleCase } from './title-case.js';

/** How names map to files: Otterwiki's `RETAIN_PAGE_NAME_CASE` setting. */
export interface PageNaming {
  /**
   * Store a page in a file spelt as the name was given (`API Guide` → `API Guide.md`) and show the file's name as
   * it is. Off (default): files are lower case and names are shown title-cased (`api guide.md` → `Api Guide`),
   * taking a heading's casing when the heading spells the name (`# API Guide` → `API Guide`).
   */
  readonly retainCase: boolean;
}

/** Otterwiki's default: `RETAIN_PAGE_NAME_CASE` off. */
export const DEFAULT_PAGE_NAMING: PageNaming = { retainCase: false };

/**
 * The file of a page (Otterwiki's layout): the normalised name plus `.md`, lower-cased unless `retainCase`.
 * @throws InvalidPathError for a name {@link normalizePagePath} refuses.
 * @example pageFileName('Foo/Bar Baz') // 'foo/bar baz.md'
 * @example pageFileName('Foo/Bar Baz', { retainCase: true }) // 'Foo/Bar Baz.md'
 */
export function pageFileName(path: string, naming: PageNaming = DEFAULT_PAGE_NAMING): string {
  return `${naming.retainCase ? normalizePagePath(path) : pageKey(path)}.md`;
}

/**
 * The name a page file is shown under, by Otterwiki's rule. With `retainCase` it is the file name without
 * `.md`. Otherwise each segment spelt in lower case is title-cased (`test-page` → `Test-Page`, `ß` and
 * apostrophes kept: `don't` → `Don't`); a segment with capitals (a file another tool wrote) is kept as it is; the
 * last segment takes `heading`'s spelling when the two differ only in case.
 * One deviation from Otterwiki: where title casing would change more than case (`ﬁ` → `Fi`), the segment is kept,
 * so every shown name leads back to its page.
 * @param file - path of the page's file in the repository, e.g. `guide/getting started.md`.
 * @param heading - the page's first heading, if any.
 * @example pageDisplayName('guide/test-page.md') // 'Guide/Test-Page'
 * @example pageDisplayName('api guide.md', { heading: 'API Guide' }) // 'API Guide'
 */
export function pageDisplayName(
  file: string,
  naming: PageNaming & { readonly heading?: string } = DEFAULT_PAGE_NAMING,
): string {
  const path = (file.endsWith('.md') ? file.slice(0, -3) : file).normalize('NFC');
  if (naming.retainCase) return path;
  const segments = path.split('/');
  const last = segments.length - 1;
  return segments.map((segment, i) => displaySegment(segment, i === last ? naming.heading : undefined)).join('/');
}

function displaySegment(segment: string, heading: string | undefined): string {
  const lower = segment.toLowerCase();
  if (heading !== undefined && heading !== segment && heading.toLowerCase() === lower) return heading;
  if (segment !== lower && (heading === undefined || heading === segment)) return segment;
  const titled = titleCase(segment);
  return titled.toLowerCase() === lower ? titled : segment;
}
