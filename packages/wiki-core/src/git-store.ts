/**
 * @module The repository as the wiki uses it: one reader per object kind (commit, tree, blob) over the object
 * database, small caches of trees and texts, the tree builder and differ, and the branch ref. Native throughout
 * (no git binary, no git library): see `object-store.ts`, `tree-builder.ts`, `tree-diff.ts` and `refs.ts`.
 */
import type { AtomicWriteOptions } from './atomic-fs.js';
import { parseCommit, serializeCommit } from './commit-codec.js';
import { RevisionNotFoundError, WikiError } from './errors.js';
import { encodeObject } from './object-codec.js';
import { ObjectStore } from './object-store.js';
import { BranchRef } from './refs.js';
import { applyChanges, type TreeSource } from './tree-builder.js';
import { EncodedTree, type TreeEntry } from './tree-codec.js';
import { inheritRuns, encodeTreeObject } from './tree-compression.js';
import { diffTrees, type FileChange, type TreeReader } from './tree-diff.js';
import type { Author } from './types.js';

export type { TreeEntry } from './tree-codec.js';
export type { FileChange } from './tree-diff.js';

/** A commit as the wiki needs it. */
export interface CommitData {
  readonly oid: string;
  readonly tree: string;
  readonly parent: string | null;
  readonly author: Author;
  /** Author time, ISO 8601. */
  readonly date: string;
  readonly message: string;
}

const TREE_CACHE_SIZE = 64;
const TEXT_CACHE_SIZE = 256;

/** The repository's object store and branch, as one small API. */
export class GitStore implements TreeSource, TreeReader {
  readonly branch: BranchRef;
  private readonly objects: ObjectStore;
  private readonly trees = new Map<string, EncodedTree>();
  private readonly texts = new Map<string, string>();
  private commitReads = 0;

  constructor(
    readonly gitdir: string,
    readonly write: AtomicWriteOptions,
  ) {
    this.objects = new ObjectStore(gitdir, write);
    this.branch = new BranchRef(gitdir, write.durable);
  }

  /** The commit the branch points at, or null in an empty repository. */
  readHead(): string | null {
    return this.branch.read();
  }

  /** How many commits this store has read (tests and measurements: opening must not walk the history). */
  get commitsRead(): number {
    return this.commitReads;
  }

  async readCommit(oid: string): Promise<CommitData> {
    this.commitReads++;
    return commitData(oid, this.objects.read(oid, 'commit').body);
  }

  async readTree(oid: string): Promise<readonly TreeEntry[]> {
    return (await this.encodedTree(oid)).entries;
  }

  async readBlob(oid: string): Promise<Uint8Array> {
    return this.objects.read(oid, 'blob').body;
  }

  /** A tree with its encoded form, from a small LRU (a write patches the cached form of the trees it changes). */
  async encodedTree(oid: string): Promise<EncodedTree> {
    const hit = this.trees.get(oid);
    if (hit) {
      this.trees.delete(oid); // LRU: move to the end
      this.trees.set(oid, hit);
      return hit;
    }
    const tree = EncodedTree.parse(this.objects.read(oid, 'tree').body);
    this.remember(oid, tree);
    return tree;
  }

  /** Tree `oid` parsed relative to `base` (sharing its parse where the bytes agree), and where they differ. */
  async relatedTree(base: EncodedTree, oid: string): Promise<ReturnType<EncodedTree['relate']>> {
    const hit = this.trees.get(oid);
    const related = base.relate(hit?.body ?? this.objects.read(oid, 'tree').body);
    if (!hit) this.remember(oid, related.tree);
    return related;
  }

  private remember(oid: string, tree: EncodedTree): void {
    this.trees.set(oid, tree);
    if (this.trees.size > TREE_CACHE_SIZE) this.trees.delete(this.trees.keys().next().value!);
  }

  /** A blob decoded as UTF-8, from a small cache of recently read or written texts. */
  async readText(oid: string): Promise<string> {
    return this.readTextSync(oid);
  }

  /**
   * {@link readText} without a promise: for an index describing a page the moment it is asked for. `remember`
   * false keeps a bulk read (a scan of every page) from evicting the texts requests reuse.
   */
  readTextSync(oid: string, remember = true): string {
    const hit = this.texts.get(oid);
    if (hit !== undefined) return hit;
    const text = this.objects.read(oid, 'blob').body.toString('utf8');
    if (remember) this.primeText(oid, text);
    return text;
  }

  /** Remembers a text just written, so reading it back costs nothing. */
  primeText(oid: string, text: string): void {
    this.texts.set(oid, text);
    if (this.texts.size > TEXT_CACHE_SIZE) this.texts.delete(this.texts.keys().next().value!);
  }

  /** Every file (blob) under tree `tree`, with its path from there, in git's order. */
  async listFiles(tree: string, prefix = ''): Promise<{ path: string; oid: string; mode: string }[]> {
    const files: { path: string; oid: string; mode: string }[] = [];
    for (const entry of await this.readTree(tree)) {
      const path = prefix + entry.path;
      if (entry.type === 'tree') files.push(...(await this.listFiles(entry.oid, `${path}/`)));
      else if (entry.type === 'blob') files.push({ path, oid: entry.oid, mode: entry.mode });
    }
    return files;
  }

  /** The blob id of `file` in the tree of commit `commitOid`, or null when absent. */
  async fileAt(commitOid: string, file: string): Promise<string | null> {
    let tree = (await this.readCommit(commitOid)).tree;
    const parts = file.split('/');
    for (let i = 0; i < parts.length; i++) {
      const entry = (await this.encodedTree(tree)).get(parts[i]!);
      if (!entry) return null;
      if (i === parts.length - 1) return entry.type === 'blob' ? entry.oid : null;
      if (entry.type !== 'tree') return null;
      tree = entry.oid;
    }
    return null;
  }

  /** Resolves a full or abbreviated commit id. @throws RevisionNotFoundError */
  async resolveCommit(revision: string): Promise<string> {
    const rev = revision.trim().toLowerCase();
    if (!/^[0-9a-f]{4,40}$/.test(rev)) throw new RevisionNotFoundError(revision);
    try {
      const matches = rev.length === 40 ? [rev] : await this.objects.matching(rev);
      if (matches.length > 1) throw new WikiError(`Revision ${rev} is ambiguous`);
      if (matches.length === 0) throw new WikiError(`No object starts with ${rev}`);
      this.objects.read(matches[0]!, 'commit');
      return matches[0]!;
    } catch (err) {
      throw new RevisionNotFoundError(revision, { cause: err });
    }
  }

  /** Queues a blob for the write in progress; returns its id. */
  async writeBlob(bytes: Uint8Array): Promise<string> {
    return this.objects.queue(encodeObject('blob', Buffer.from(bytes)));
  }

  /** Queues a tree (compressed reusing the runs of `base`, the tree it was patched from); returns its id. */
  writeTree(tree: EncodedTree, base?: EncodedTree): string {
    if (base) inheritRuns(tree, base);
    const oid = this.objects.queue(encodeTreeObject(tree));
    this.remember(oid, tree);
    return oid;
  }

  /** Queues the commit object; returns it as {@link readCommit} would read it back. */
  async writeCommit(input: {
    tree: string;
    parent: string | null;
    author: Author;
    message: string;
  }): Promise<CommitData> {
    const body = serializeCommit({ ...input, timestamp: Math.floor(Date.now() / 1000) });
    return commitData(this.objects.queue(encodeObject('commit', body)), body);
  }

  /** Queues the trees for `changes` applied to `rootOid` (see `tree-builder.ts`). */
  applyChanges(
    rootOid: string | null,
    changes: ReadonlyMap<string, string | null>,
  ): Promise<{ readonly tree: string; readonly changes: FileChange[] | null }> {
    return applyChanges(this, rootOid, changes);
  }

  /** Blob changes between two trees (either may be null), by file. */
  diffTrees(a: string | null, b: string | null): Promise<FileChange[]> {
    return diffTrees(this, a, b);
  }

  /** Writes the queued objects (durably when configured), all at once. */
  flushObjects(): Promise<void> {
    return this.objects.flush();
  }

  /** Forgets queued objects of a write that was abandoned. */
  discardPending(): void {
    this.objects.discardPending();
  }

  /** Moves the branch from `expected` to `newOid` (see `refs.ts`). */
  moveBranch(expected: string | null, newOid: string): void {
    this.branch.update(expected, newOid);
  }
}

function commitData(oid: string, body: Buffer): CommitData {
  const commit = parseCommit(body);
  const { name, email, timestamp } = commit.author;
  return {
    oid,
    tree: commit.tree,
    parent: commit.parents[0] ?? null,
    author: { name, email },
    date: new Date(timestamp * 1000).toISOString(),
    message: commit.message,
  };
}
