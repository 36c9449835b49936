/**
 * @module What the index records of one page: display path, title, category, tags, outgoing links and size,
 * read from the page's blob.
 */
import type { GitStore } from './git-store.js';
import { logIndexFallback, loadPageModel } from './lazy-markdown.js';
import { frontmatterCategory, frontmatterTags, loadFrontmatterParser, pageTitle } from './markdown.js';
import { pageDisplayName, type PageNaming } from './page-names.js';

/** What the index knows of a page at the indexed commit. */
export interface PageMeta {
  /** Display path: An Otter Wiki's name for the file (see README: Page names). */
  readonly path: string;
  readonly file: string;
  readonly oid: string;
  readonly title: string;
  readonly category?: string;
  readonly tags: readonly string[];
  /** Outgoing link targets, canonical, as written. */
  readonly links: readonly string[];
  readonly size: number;
}

/** The parsers describing a page needs (markdown-it's page model, yaml), both imported on first use. */
export interface PageParsers {
  readonly model: Awaited<ReturnType<typeof loadPageModel>>;
  readonly frontmatter: Awaited<ReturnType<typeof loadFrontmatterParser>>;
}

/** Imports the parsers of {@link describeText}. */
export async function loadPageParsers(): Promise<PageParsers> {
  const [model, frontmatter] = await Promise.all([loadPageModel(), loadFrontmatterParser()]);
  return { model, frontmatter };
}

/** Describes the page stored as `file` (blob `oid`); see {@link describeText}. */
export async function describePage(store: GitStore, file: string, oid: string, naming: PageNaming): Promise<PageMeta> {
  return describeText(file, oid, await store.readText(oid), naming, await loadPageParsers());
}

/**
 * Describes the page `text` stored as `file` (blob `oid`), named by `naming` as An Otter Wiki names it. Synchronous,
 * so an index can describe a page the moment it is first asked for. A page that cannot be analysed is still a page:
 * named by its file, with no links or tags, and logged (every step is bounded, so this is a bug, never a hang).
 */
export function describeText(
  file: string,
  oid: string,
  text: string,
  naming: PageNaming,
  parsers: PageParsers,
): PageMeta {
  const size = Buffer.byteLength(text);
  try {
    const { frontmatter, body } = parsers.frontmatter.parseFrontmatter(text);
    // Otterwiki's hint for the name's casing is the page's first heading (not a frontmatter title). The body is
    // scanned once: the title is the frontmatter title, else that heading, else the name's last segment.
    const heading = pageTitle('', {}, body);
    const path = pageDisplayName(file, { retainCase: naming.retainCase, ...(heading ? { heading } : {}) });
    const title = pageTitle('', frontmatter, '') || heading || path.slice(path.lastIndexOf('/') + 1);
    const category = frontmatterCategory(frontmatter);
    const links = parsers.model.extractLinks(path, body);
    return {
      path,
      file,
      oid,
      title,
      ...(category === undefined ? {} : { category }),
      tags: frontmatterTags(frontmatter),
      links,
      size,
    };
  } catch (error) {
    const path = pageDisplayName(file, { retainCase: naming.retainCase });
    logIndexFallback(path, error);
    return { path, file, oid, title: path.slice(path.lastIndexOf('/') + 1), tags: [], links: [], size };
  }
}
