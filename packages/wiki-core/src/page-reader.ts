/**
 * @module Reading a page as callers see it: the current version from the index, or the version at a revision,
 * with title, frontmatter, links (shown with their pages' display paths) and the change it came from.
 */
import { PageNotFoundError } from './errors.js';
import type { GitStore } from './git-store.js';
import { loadPageModel } from './lazy-markdown.js';
import {
  frontmatterCategory,
  frontmatterTags,
  pageTitle,
  readFrontmatter,
  type ParsedFrontmatter,
} from './markdown.js';
import type { CommitRecord, PageIndex } from './page-index.js';
import { pageDisplayName, pageFileName, type PageNaming } from './page-names.js';
import { fileToKey, normalizePagePath } from './paths.js';
import type { Page, PageHead } from './types.js';

/** Reads pages of one `Wiki`. */
export class PageReader {
  constructor(
    private readonly index: PageIndex,
    private readonly store: GitStore,
    private readonly naming: PageNaming,
  ) {}

  /** Page `key` at the indexed commit. @throws PageNotFoundError */
  async current(key: string, path: string): Promise<Page> {
    const meta = this.index.page(key);
    if (!meta) throw new PageNotFoundError(normalizePagePath(path));
    const content = await this.store.readText(meta.oid);
    return this.toPage(meta.path, content, await readFrontmatter(content), this.index.lastRevision(key)!, meta.links);
  }

  /** What the index holds of page `key` at the indexed commit (no blob read). @throws PageNotFoundError */
  head(key: string, path: string): PageHead {
    const meta = this.index.page(key);
    if (!meta) throw new PageNotFoundError(normalizePagePath(path));
    const record = this.index.lastRevision(key)!;
    return {
      path: meta.path,
      title: meta.title,
      ...(meta.category === undefined ? {} : { category: meta.category }),
      tags: meta.tags,
      revision: record.oid,
      updated: record.date,
      author: record.author,
      links: meta.links.map((l) => this.index.displayOf(l)),
      blob: meta.oid,
    };
  }

  /** Page `key` as it was at `revision`. @throws PageNotFoundError, RevisionNotFoundError */
  async at(key: string, path: string, revision: string): Promise<Page> {
    const commit = await this.store.resolveCommit(revision);
    const { file, display } = this.fileAndName(key, path);
    const blob = (await this.store.fileAt(commit, file)) ?? (await this.store.fileAt(commit, `${key}.md`));
    if (blob === null) throw new PageNotFoundError(normalizePagePath(path));
    const record = this.index.revisionAt(key, commit) ?? {
      ...(await this.store.readCommit(commit)),
      files: [],
      pages: [],
    };
    const content = await this.store.readText(blob);
    const parsed = await readFrontmatter(content);
    const links = (await loadPageModel()).extractLinks(display, parsed.body);
    return this.toPage(display, content, parsed, record, links);
  }

  /**
   * File and shown name of page `key` (asked for as `path`). A deleted page's file is the one the last commit that
   * changed it names (any casing, with retained case; once history is complete), its name Otterwiki's for that file.
   */
  fileAndName(key: string, path: string): { file: string; display: string } {
    const meta = this.index.page(key);
    if (meta) return { file: meta.file, display: meta.path };
    const last = this.index.lastRevision(key)?.files.find((f) => fileToKey(f) === key);
    const file = last ?? pageFileName(path, this.naming);
    return { file, display: pageDisplayName(file, this.naming) };
  }

  /** A page as read; `links` are the indexed ones, or those read from an old revision's text. */
  private toPage(
    path: string,
    content: string,
    { frontmatter, body }: ParsedFrontmatter,
    record: CommitRecord,
    links: readonly string[],
  ): Page {
    const category = frontmatterCategory(frontmatter);
    const title = pageTitle(path.split('/').pop()!, frontmatter, body);
    return {
      path,
      title,
      content,
      body,
      frontmatter,
      ...(category === undefined ? {} : { category }),
      tags: frontmatterTags(frontmatter),
      revision: record.oid,
      updated: record.date,
      author: record.author,
      links: links.map((l) => this.index.displayOf(l)),
    };
  }
}
