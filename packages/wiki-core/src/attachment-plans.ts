/**
 * @module Reads and write plans for page attachments (Otterwiki layout, see `attachments.ts`). Writes go
 * through the same write path as pages, so the commit, work tree and git index are kept the same way.
 */
import {
  attachmentFilename,
  attachmentMimeType,
  findAttachmentFile,
  MAX_ATTACHMENT_BYTES,
  type Attachment,
  type AttachmentContent,
} from './attachments.js';
import { buildMessage } from './commit-message.js';
import { AttachmentNotFoundError, AttachmentTooLargeError, InvalidArgumentError, PageNotFoundError } from './errors.js';
import type { GitStore } from './git-store.js';
import type { CommitRecord, PageIndex, PageMeta } from './page-index.js';
import { attachmentDir, normalizePagePath } from './paths.js';
import type { AttachmentWriteResult, WriteOptions } from './types.js';
import type { Plan } from './write-path.js';

/** Attachment reads and plans of one `Wiki` (call after the index is synced, or inside the write lock). */
export class AttachmentPlans {
  constructor(
    private readonly index: PageIndex,
    private readonly store: GitStore,
  ) {}

  async list(key: string, path: string): Promise<Attachment[]> {
    const files = this.index.attachmentsOf(this.requirePage(key, path).file).sort();
    const changed = this.lastChanges(files);
    return Promise.all(files.map((file) => this.describe(file, changed.get(file))));
  }

  async read(key: string, path: string, filename: string): Promise<AttachmentContent> {
    const file = this.requireFile(this.requirePage(key, path), filename);
    const bytes = await this.store.readBlob(this.index.fileOid(file)!);
    return { ...(await this.describe(file, this.lastChanges([file]).get(file), bytes.byteLength)), bytes };
  }

  /** Adds or replaces `filename` (made safe) on page `key`. */
  async write(
    key: string,
    path: string,
    filename: string,
    bytes: Uint8Array,
    options: WriteOptions,
  ): Promise<Plan<AttachmentWriteResult>> {
    if (!(bytes instanceof Uint8Array)) throw new InvalidArgumentError('The attachment content must be bytes');
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES)
      throw new AttachmentTooLargeError(bytes.byteLength, MAX_ATTACHMENT_BYTES);
    const meta = this.requirePage(key, path);
    const dir = attachmentDir(meta.file);
    const safe = attachmentFilename(filename);
    const file = findAttachmentFile(this.index.attachmentsOf(meta.file), dir, safe) ?? dir + safe;
    const stored = file.slice(dir.length);
    const created = this.index.fileOid(file) === undefined;
    const oid = await this.store.writeBlob(bytes);
    return {
      changes: new Map([[file, oid]]),
      message: buildMessage(options.message, `Attach ${stored} to ${meta.path}`, options.trailers),
      result: (revision) => ({
        path: meta.path,
        filename: stored,
        size: bytes.byteLength,
        mimeType: attachmentMimeType(stored),
        revision,
        created,
      }),
    };
  }

  /** Removes `filename` from page `key`. */
  async delete(
    key: string,
    path: string,
    filename: string,
    options: WriteOptions,
  ): Promise<Plan<AttachmentWriteResult>> {
    const meta = this.requirePage(key, path);
    const file = this.requireFile(meta, filename);
    const stored = file.slice(attachmentDir(meta.file).length);
    const size = (await this.store.readBlob(this.index.fileOid(file)!)).byteLength;
    return {
      changes: new Map([[file, null]]),
      message: buildMessage(options.message, `Delete attachment ${stored} of ${meta.path}`, options.trailers),
      result: (revision) => ({
        path: meta.path,
        filename: stored,
        size,
        mimeType: attachmentMimeType(stored),
        revision,
        created: false,
      }),
    };
  }

  private async describe(file: string, changed: CommitRecord | undefined, size?: number): Promise<Attachment> {
    const filename = file.split('/').pop()!;
    return {
      filename,
      size: size ?? (await this.store.readBlob(this.index.fileOid(file)!)).byteLength,
      mimeType: attachmentMimeType(filename),
      ...(changed ? { updated: changed.date, revision: changed.oid } : {}),
    };
  }

  /** The newest commit that changed each of `files`: a backward scan of the branch that stops when all are found. */
  private lastChanges(files: readonly string[]): Map<string, CommitRecord> {
    const wanted = new Set(files);
    const found = new Map<string, CommitRecord>();
    const oids = wanted.size === 0 ? [] : this.index.latestCommits(Number.MAX_SAFE_INTEGER);
    for (let i = oids.length - 1; i >= 0 && found.size < wanted.size; i--) {
      const record = this.index.commit(oids[i]!);
      for (const file of record?.files ?? []) if (wanted.has(file) && !found.has(file)) found.set(file, record!);
    }
    return found;
  }

  private requirePage(key: string, path: string): PageMeta {
    const meta = this.index.page(key);
    if (!meta) throw new PageNotFoundError(normalizePagePath(path));
    return meta;
  }

  private requireFile(meta: PageMeta, filename: string): string {
    const file = findAttachmentFile(this.index.attachmentsOf(meta.file), attachmentDir(meta.file), filename);
    if (file === undefined) throw new AttachmentNotFoundError(meta.path, String(filename));
    return file;
  }
}
