/**
 * @module What each write changes, planned inside the write lock against the latest commit: the blobs to store,
 * the files to change, the commit message and the caller's result. `write-path.ts` turns a plan into a commit.
 */
import { buildMessage } from './commit-message.js';
import { validateContent } from './content.js';
import { EditMatchError, InvalidArgumentError, PageExistsError, PageNotFoundError } from './errors.js';
import type { GitStore } from './git-store.js';
import { loadPageModel } from './lazy-markdown.js';
import type { PageIndex, PageMeta } from './page-index.js';
import { pageDisplayName, pageFileName, type PageNaming } from './page-names.js';
import { normalizePagePath } from './paths.js';
import { assertReachablePageName } from './reserved-names.js';
import { checkBaseRevision } from './queries.js';
import type { WriteOptions, WriteResult } from './types.js';
import type { Plan } from './write-path.js';

/** Result of a rename. */
export interface RenameResult {
  readonly path: string;
  readonly newPath: string;
  readonly revision: string;
  readonly rewritten: readonly string[];
}

/** Plans of the page writes of one `Wiki`. */
export class PagePlans {
  constructor(
    private readonly index: PageIndex,
    private readonly store: GitStore,
    private readonly naming: PageNaming,
  ) {}

  /** Store `content` as page `display` (created when missing). */
  async write(display: string, content: string, options: WriteOptions): Promise<Plan<WriteResult>> {
    const key = display.toLowerCase();
    const meta = this.index.page(key);
    if (meta && options.createOnly) throw new PageExistsError(meta.path);
    if (!meta) assertReachablePageName(display, this.naming);
    checkBaseRevision(this.index, key, display, options.baseRevision, options.requireBaseRevision);
    return this.contentPlan(key, display, meta, content, meta ? 'Update' : 'Create', options);
  }

  /** Replace the one occurrence of `oldText` in page `key`. @throws EditMatchError */
  async edit(
    key: string,
    path: string,
    oldText: string,
    newText: string,
    options: WriteOptions,
  ): Promise<Plan<WriteResult>> {
    const meta = this.requirePage(key, path);
    checkBaseRevision(this.index, key, meta.path, options.baseRevision);
    const content = await this.store.readText(meta.oid);
    const count = countOccurrences(content, oldText);
    if (count !== 1) {
      throw new EditMatchError(
        count === 0
          ? `The text to replace was not found in "${meta.path}"`
          : `The text to replace is ambiguous: it occurs ${count} times ` +
              `in "${meta.path}"; include more context so it occurs once`,
        count,
      );
    }
    return this.contentPlan(
      key,
      meta.path,
      meta,
      content.replace(oldText, () => newText),
      'Edit',
      options,
    );
  }

  /** Append `text` to page `display` (created when missing), on a new line. */
  async append(display: string, text: string, options: WriteOptions): Promise<Plan<WriteResult>> {
    const key = display.toLowerCase();
    const meta = this.index.page(key);
    if (!meta) assertReachablePageName(display, this.naming);
    checkBaseRevision(this.index, key, display, options.baseRevision);
    const current = meta ? await this.store.readText(meta.oid) : '';
    const joined = current === '' || current.endsWith('\n') ? current + text : `${current}\n${text}`;
    return this.contentPlan(key, display, meta, joined, 'Append to', options);
  }

  /** Delete page `key` with its attachments. */
  async delete(key: string, path: string, options: WriteOptions): Promise<Plan<{ path: string; revision: string }>> {
    const meta = this.requirePage(key, path);
    checkBaseRevision(this.index, key, meta.path, options.baseRevision);
    const changes = new Map<string, string | null>([[meta.file, null]]);
    for (const file of this.index.attachmentsOf(meta.file)) changes.set(file, null);
    return {
      changes,
      message: buildMessage(options.message, `Delete ${meta.path}`, options.trailers),
      result: (revision) => ({ path: meta.path, revision }),
    };
  }

  /** Move page `key` and its attachments to `target`, rewriting WikiLinks to it. */
  async rename(key: string, path: string, target: string, options: WriteOptions): Promise<Plan<RenameResult>> {
    const targetKey = target.toLowerCase();
    const meta = this.requirePage(key, path);
    const newFile = pageFileName(target, this.naming);
    // The same page under another casing is a rename only where files keep the casing of names (retained case).
    if (targetKey === key && newFile === meta.file) {
      throw new InvalidArgumentError(`The new path is the same as the current path ("${meta.path}")`);
    }
    const existing = targetKey === key ? undefined : this.index.page(targetKey);
    if (existing) throw new PageExistsError(existing.path);
    assertReachablePageName(target, this.naming);
    checkBaseRevision(this.index, key, meta.path, options.baseRevision);
    const changes = new Map<string, string | null>([[meta.file, null]]);
    const { rewriteWikiLinks } = await loadPageModel();
    // Links name the new page as Otterwiki shows its file (`new-target` → `[[New-Target]]`), not as typed.
    const linkName = pageDisplayName(newFile, this.naming);
    const ownText = rewriteWikiLinks(await this.store.readText(meta.oid), key, linkName);
    changes.set(newFile, await this.writeText(ownText));
    const newDir = newFile.slice(0, -3);
    for (const file of this.index.attachmentsOf(meta.file)) {
      changes.set(file, null);
      changes.set(`${newDir}/${file.split('/').pop()}`, this.index.fileOid(file)!);
    }
    const rewritten: string[] = [];
    for (const source of this.index.incomingLinks().get(key) ?? []) {
      const page = this.index.page(source);
      if (!page || source === key) continue;
      const text = await this.store.readText(page.oid);
      const updated = rewriteWikiLinks(text, key, linkName);
      if (updated === text) continue;
      changes.set(page.file, await this.writeText(updated));
      rewritten.push(page.path);
    }
    return {
      changes,
      message: buildMessage(options.message, `Rename ${meta.path} to ${target}`, options.trailers),
      result: (revision) => ({ path: meta.path, newPath: this.displayAfter(targetKey, target), revision, rewritten }),
    };
  }

  /** The plan that stores `content` as page `key` (no change, hence no commit, when it is identical). */
  private async contentPlan(
    key: string,
    display: string,
    meta: PageMeta | undefined,
    content: string,
    verb: string,
    options: WriteOptions,
  ): Promise<Plan<WriteResult>> {
    const oid = await this.writeText(content);
    const finalPath = meta?.path ?? display;
    return {
      changes: new Map(meta?.oid === oid ? [] : [[meta?.file ?? pageFileName(display, this.naming), oid]]),
      message: buildMessage(options.message, `${verb} ${finalPath}`, options.trailers),
      result: (revision, changed) => ({
        path: this.displayAfter(key, finalPath),
        // Nothing changed: no empty commit is made, so report the page's latest revision.
        revision: changed ? revision : (this.index.lastRevision(key)?.oid ?? revision),
        created: !meta,
        changed,
      }),
    };
  }

  private async writeText(text: string): Promise<string> {
    const oid = await this.store.writeBlob(validateContent(text));
    this.store.primeText(oid, text);
    return oid;
  }

  private requirePage(key: string, path: string): PageMeta {
    const meta = this.index.page(key);
    if (!meta) throw new PageNotFoundError(normalizePagePath(path));
    return meta;
  }

  private displayAfter(key: string, fallback: string): string {
    return this.index.page(key)?.path ?? fallback;
  }
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}
