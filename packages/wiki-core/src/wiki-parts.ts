/**
 * @module The parts of a `Wiki` that it imports on first use, not at open: the write path (page and attachment
 * plans, locks, the work tree and `.git/index`), full-text search (MiniSearch), semantic search, and the history
 * reads (diff, blame, commit details). A cold page view needs none of them; imported with the read path they were
 * about half of wiki-core's bundle chunk, compiled and evaluated on every cold start of the wiki Lambda.
 */
import { join } from 'node:path';
import { sweepTmpDir, type AtomicWriteOptions } from './atomic-fs.js';
import type { AttachmentPlans } from './attachment-plans.js';
import type { EmbeddingProvider } from './embedding-provider.js';
import type { GitStore } from './git-store.js';
import type { IndexSync } from './index-sync.js';
import type { PageIndex } from './page-index.js';
import type { PageNaming } from './page-names.js';
import type { PagePlans } from './page-plans.js';
import type { SearchIndex } from './search-index.js';
import type { SemanticIndex } from './semantic-index.js';
import type { WritePath, WritePathOptions } from './write-path.js';

const ignore = (): void => undefined;

/** Temporary files older than this are a crashed write's leftovers (a write takes seconds at most). */
export const TMP_MAX_AGE_MS = 3_600_000;

/** The parts' code (`lazy-parts.ts`), imported once, on first use. */
export const loadParts = (): Promise<typeof import('./lazy-parts.js')> => import('./lazy-parts.js');

/** What the parts are built from: the open wiki's index, store and settings. */
export interface PartsContext {
  readonly index: PageIndex;
  readonly store: GitStore;
  readonly naming: PageNaming;
  readonly indexSync: () => IndexSync;
  /** `.git/wikibot`, where the caches live. */
  readonly meta: string;
  /** How caches are written (atomically, without fsync). */
  readonly scratch: AtomicWriteOptions;
  /** The write path's settings; without `staleLockMs`, lock.ts's default. */
  readonly write: Omit<WritePathOptions, 'staleLockMs'> & { readonly staleLockMs?: number };
  readonly embeddings: EmbeddingProvider | undefined;
}

/** The write side: every change goes through `writer`, planned by `plans` or `attachments`. */
export interface WriteParts {
  readonly writer: WritePath;
  readonly plans: PagePlans;
  readonly attachments: AttachmentPlans;
}

/** One module promise per part, shared by every caller; a part is built once. */
export class WikiParts {
  private writeParts: Promise<WriteParts> | undefined;
  private searchPart: Promise<SearchIndex> | undefined;
  private semanticPart: Promise<SemanticIndex> | undefined;

  constructor(private readonly ctx: PartsContext) {}

  /** True when semantic search is configured (an embedding provider was given). */
  get semanticConfigured(): boolean {
    return this.ctx.embeddings !== undefined;
  }

  write(): Promise<WriteParts> {
    const { index, store, naming, write } = this.ctx;
    // Temporary files a crashed write left are swept by the first write, not at open: a container that only reads
    // never made any, and the sweep's directory read was one more file system round trip on every cold start.
    return (this.writeParts ??= Promise.all([loadParts(), sweepTmpDir(write.scratch.tmpDir, TMP_MAX_AGE_MS)]).then(
      ([m]) => ({
        writer: new m.WritePath(store, index, (head, own) => this.ctx.indexSync().catchUp(head, own), {
          ...write,
          staleLockMs: write.staleLockMs ?? m.DEFAULT_STALE_LOCK_MS,
        }),
        plans: new m.PagePlans(index, store, naming),
        attachments: new m.AttachmentPlans(index, store),
      }),
    ));
  }

  search(): Promise<SearchIndex> {
    const { index, store, meta, scratch } = this.ctx;
    return (this.searchPart ??= loadParts().then(
      (m) => new m.SearchIndex(join(meta, 'search-v1.json'), index, store, scratch),
    ));
  }

  /** The vector index, or null without an embedding provider. */
  async semantic(): Promise<SemanticIndex | null> {
    const { index, store, meta, scratch, embeddings } = this.ctx;
    if (!embeddings) return null;
    return (this.semanticPart ??= loadParts().then(
      (m) => new m.SemanticIndex(join(meta, 'vectors-v1.bin'), index, store, scratch, embeddings),
    ));
  }

  /** After a catch-up that applied commits: vectors follow in the background, never on a read's or write's path. */
  scheduleVectors(): void {
    // schedule and afterOpen never throw; only the import could, and then the next semantic search reports it.
    if (this.semanticConfigured) this.semantic().then((semantic) => semantic?.schedule(), ignore);
  }

  /** After open: vectors are built in the background from now on, not only after the history replay or a search. */
  vectorsAfterOpen(treeOnly: boolean): void {
    if (this.semanticConfigured) this.semantic().then((semantic) => semantic?.afterOpen(treeOnly), ignore);
  }

  /** Saves the caches of the parts built so far (one never built has nothing to save). */
  async flush(): Promise<void> {
    if (this.searchPart) await (await this.searchPart).flush();
    if (this.semanticPart) await (await this.semanticPart).flush();
  }
}
