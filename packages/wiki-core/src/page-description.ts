/**
 * @module What the index records of one page: display path, title, category, tags, outgoing links and size,
 * read from the page's blob.
 */
import type { GitStore } from './git-store.js';
import { extractLinks, frontmatterCategory, frontmatterTags, pageTitle, parseFrontmatter } from './markdown.js';

/** What the index knows of a page at the indexed commit. */
export interface PageMeta {
  /** Display path (see README: display casing rule). */
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

/**
 * Describes the page stored as `file` (blob `oid`). `recorded` is the display path a commit trailer recorded for
 * it, if any; otherwise the file path is shown.
 */
export async function describePage(store: GitStore, file: string, oid: string, recorded: string | undefined): Promise<PageMeta> {
  const text = await store.readText(oid);
  const { frontmatter, body } = parseFrontmatter(text);
  const base = recorded ?? file.slice(0, -3);
  const title = pageTitle(base.split('/').pop()!, frontmatter, body);
  const path = withTitleCasing(base, title);
  const category = frontmatterCategory(frontmatter);
  return {
    path,
    file,
    oid,
    title,
    ...(category === undefined ? {} : { category }),
    tags: frontmatterTags(frontmatter),
    links: extractLinks(path, body),
    size: Buffer.byteLength(text),
  };
}

/** Uses the title's casing for the last path segment when they match case-insensitively (Otterwiki's rule). */
function withTitleCasing(path: string, title: string): string {
  const slash = path.lastIndexOf('/');
  const last = path.slice(slash + 1);
  return title.toLowerCase() === last.toLowerCase() ? path.slice(0, slash + 1) + title : path;
}
