/**
 * @module Keeps the chunk vectors in step with the branch, off every request's critical path: after a write and
 * before a search it embeds only pages whose blob changed since the commit the store describes (the same changelog
 * the page index catches up from, so commits of other processes are followed too). The store is a disposable cache
 * under `.git/wikibot/`; while it is missing or behind, searches answer from what is there or lexically. Only the
 * holder of the build lease beside it embeds, so processes sharing the repository never build twice at once.
 */
import * as fsp from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-fs.js';
import { chunkPage, embeddingText } from './chunker.js';
import type { EmbeddingProvider } from './embedding-provider.js';
import type { GitStore } from './git-store.js';
import type { PageIndex } from './page-index.js';
import { tryAcquireLock } from './lock.js';
import { fileToKey } from './paths.js';
import { decodeStore, encodeStore, quantize, type PageVectors } from './vector-store.js';

/** Texts sent to the provider per call (it limits concurrency and retries itself). */
const EMBED_BATCH = 16;
/** Save a long rebuild this often (pages), so a killed process loses little: pages whose blob is stored are skipped. */
const SAVE_EVERY_PAGES = 256;
/** A build lease not refreshed for this long is a dead (or frozen) builder's; the holder refreshes it every 5 s. */
export const BUILD_LEASE_STALE_MS = 30_000;

/** The vector store of one `Wiki` and its upkeep. */
export class SemanticIndex {
  /** Page key → vectors of the blob they were cut from. */
  readonly pages = new Map<string, PageVectors>();
  /** The commit the store is complete for (null: nothing yet). */
  private head: string | null = null;
  private loaded = false;
  /** Inode, size and mtime of the store file when last read or written: a change means another process saved. */
  private seen: string | null = null;
  /** The build lease beside the store (see {@link update}). */
  private readonly leaseFile: string;
  private updating: Promise<void> | null = null;
  /** Why the last update failed (e.g. the embedding model was unreachable); cleared by a successful one. */
  lastError: unknown = null;

  constructor(
    private readonly file: string,
    private readonly index: PageIndex,
    private readonly store: GitStore,
    private readonly write: AtomicWriteOptions,
    readonly provider: EmbeddingProvider,
  ) {
    this.leaseFile = join(dirname(file), 'vectors-build.lock');
  }

  /** True when the store describes the index's current commit. */
  get current(): boolean {
    return this.loaded && this.head === this.index.head && this.updating === null;
  }

  /** Starts catching up in the background if behind (never throws; a failure is kept in {@link lastError}). */
  schedule(): Promise<void> {
    if (this.updating !== null) return this.updating;
    if (this.loaded && this.head === this.index.head) return Promise.resolve();
    const run = this.update()
      .then(() => {
        this.lastError = null;
      })
      .catch((error: unknown) => {
        this.lastError = error;
      })
      .finally(() => {
        if (this.updating === run) this.updating = null;
      });
    this.updating = run;
    return run;
  }

  /**
   * At open: starts the build at once when it is surely due, instead of at the first search or write — after a
   * tree-only open (no page cache: the history is still replaying, and the vectors are most likely missing too) or
   * when there is no store file. Otherwise the store is loaded by the first search, so a cold start that never
   * searches does not read it.
   */
  async afterOpen(treeOnly: boolean): Promise<void> {
    const missing = await fsp.access(this.file).then(
      () => false,
      () => true,
    );
    if (treeOnly || missing) void this.schedule();
  }

  /** Waits up to `ms` for the store to catch up; true when it then describes the current commit. */
  async settle(ms: number): Promise<boolean> {
    const run = this.schedule();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([run, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
    return this.current;
  }

  private async update(): Promise<void> {
    await this.readSaved();
    if (this.head === this.index.head) return;
    // One builder at a time across the processes sharing this repository (cold Lambdas on one EFS): the others
    // answer from what is saved and adopt the builder's store when a later search or write brings them here again.
    const lease = await tryAcquireLock(this.leaseFile, BUILD_LEASE_STALE_MS);
    if (lease === null) return;
    try {
      await this.readSaved(); // the last builder may have saved just before letting go
      // Re-check after each pass: the branch may have moved while pages were being embedded.
      while (this.head !== this.index.head) {
        const target = this.index.head;
        const keys = this.changedKeys();
        let done = 0;
        for (const key of keys) {
          // Taken over as stale (e.g. this container was frozen): the new holder builds; stop paying twice.
          if (
            !(await lease.assertHeld().then(
              () => true,
              () => false,
            ))
          )
            return;
          await this.refreshPage(key);
          if (++done % SAVE_EVERY_PAGES === 0) await this.save();
        }
        this.head = target;
        await this.save();
      }
    } finally {
      await lease.release();
    }
  }

  /**
   * Reads the saved store the first time, and later whenever another process saved a newer one. A store of a
   * commit this branch does not have (history rewritten, or an index not yet caught up) is kept as a seed: pages
   * whose blob matches are still skipped by the full pass that follows.
   */
  private async readSaved(): Promise<void> {
    const stat = await fsp.stat(this.file).catch(() => null);
    const seen = stat === null ? null : `${stat.ino} ${stat.size} ${stat.mtimeMs}`;
    if (this.loaded && seen === this.seen) return;
    const bytes = seen === null ? null : await fsp.readFile(this.file).catch(() => null);
    const decoded = bytes === null ? null : decodeStore(bytes, this.provider.id, this.provider.dimensions);
    this.seen = seen;
    const head = decoded?.head == null ? undefined : this.index.positionOf(decoded.head);
    const ours = this.head === null ? undefined : this.index.positionOf(this.head);
    const newer = !this.loaded || ours === undefined || (head !== undefined && head > ours);
    this.loaded = true;
    if (decoded === null || !newer) return;
    this.pages.clear();
    for (const [key, page] of decoded.pages) this.pages.set(key, page);
    this.head = head === undefined ? null : decoded.head;
  }

  /** Pages that may differ between the stored commit and the index's: all of them after a rebuild. */
  private changedKeys(): Set<string> {
    const from = this.head === null ? undefined : this.index.positionOf(this.head);
    if (from === undefined) return new Set([...this.index.sortedKeys(), ...this.pages.keys()]);
    const keys = new Set<string>();
    for (const oid of this.index.commitsAfter(from)) {
      for (const file of this.index.commit(oid)?.files ?? []) {
        const key = fileToKey(file)?.toLowerCase();
        if (key !== undefined) keys.add(key);
      }
    }
    return keys;
  }

  private async refreshPage(key: string): Promise<void> {
    const meta = this.index.page(key);
    if (!meta) {
      this.pages.delete(key);
      return;
    }
    if (this.pages.get(key)?.oid === meta.oid) return;
    const chunks = await chunkPage(await this.store.readText(meta.oid));
    const vectors: Float32Array[] = [];
    for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
      const batch = chunks.slice(i, i + EMBED_BATCH).map((chunk) => embeddingText(meta.title, chunk));
      vectors.push(...(await this.provider.embed(batch, 'document')));
    }
    const sections = chunks.map((chunk) => chunk.sectionPath);
    this.pages.set(key, quantize(meta.oid, sections, vectors, this.provider.dimensions));
  }

  /** Writes the store (atomically; a cache, so failures are ignored). */
  private async save(): Promise<void> {
    const bytes = encodeStore(this.provider.id, this.provider.dimensions, this.head, this.pages);
    await writeFileAtomic(this.file, bytes, this.write).catch(() => undefined);
    const stat = await fsp.stat(this.file).catch(() => null);
    this.seen = stat === null ? null : `${stat.ino} ${stat.size} ${stat.mtimeMs}`;
  }

  /** Waits for a running update (tests and `Wiki.flush`). */
  async flush(): Promise<void> {
    await this.updating;
  }
}
