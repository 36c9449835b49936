/**
 * @module Low-level git access over isomorphic-git: objects, trees, commits and the branch ref. Trees are built
 * directly from changed paths (no git index), and the ref moves last, atomically, so a crash never corrupts history.
 */
import { readFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { createAtomicFs, writeFileAtomic, type AtomicWriteOptions } from './atomic-fs.js';
import { RevisionNotFoundError, WikiError } from './errors.js';
import {
  EncodedTree,
  encodeObject,
  encodeTreeObject,
  hasLooseObject,
  looseObjectPath,
  parseCommit,
  readLooseObject,
  serializeCommit,
  writeFileAtomicSync,
  type EncodedObject,
  type GitObject,
  type TreeEntry,
} from './objects.js';
import { PackStore } from './pack.js';
import type { Author } from './types.js';

/**
 * isomorphic-git (with pako) is only the fallback reader for packed objects and the repository initialiser; loading
 * it on first use keeps ~200 KB of bundled CommonJS out of every cold start that reads loose objects or packs natively.
 */
export async function isomorphicGit(): Promise<typeof import('isomorphic-git').default> {
  return (await import('isomorphic-git')).default;
}

export type { TreeEntry } from './objects.js';

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

/** A changed file between two trees. */
export interface FileChange {
  readonly file: string;
  readonly oldOid: string | null;
  readonly newOid: string | null;
}

const TREE_CACHE_SIZE = 64;
const TEXT_CACHE_SIZE = 256;
const FULL_OID = /^[0-9a-f]{40}$/;

/** The repository's object store and branch, as one small API. */
export class GitStore {
  readonly fs: ReturnType<typeof createAtomicFs>;
  private readonly cache: object = {};
  private readonly trees = new Map<string, EncodedTree>();
  private readonly texts = new Map<string, string>();
  private headRefName: string | null = null;
  private readonly packs: PackStore;
  /** Objects of the commit being built, written to disk together (in parallel) right before the ref moves. */
  private readonly pending = new Map<string, EncodedObject>();
  private readonly objectDirs = new Set<string>();

  constructor(
    readonly gitdir: string,
    readonly write: AtomicWriteOptions,
  ) {
    this.fs = createAtomicFs(write);
    this.packs = new PackStore(gitdir, (oid) => readLooseObject(gitdir, oid));
  }

  private get opts() {
    return { fs: this.fs, gitdir: this.gitdir, cache: this.cache };
  }

  /** The branch HEAD points at, e.g. `refs/heads/main` (read once per process). */
  async branchRef(): Promise<string> {
    if (this.headRefName === null) {
      const head = (await fsp.readFile(join(this.gitdir, 'HEAD'), 'utf8')).trim();
      if (!head.startsWith('ref: ')) throw new WikiError('The repository HEAD is detached; wikibot needs a branch');
      this.headRefName = head.slice(5).trim();
    }
    return this.headRefName;
  }

  /** The commit the branch points at, or null in an empty repository. Cheap: one small file read. */
  async readHead(): Promise<string | null> {
    const ref = await this.branchRef();
    try {
      // Synchronous on purpose: a 41-byte read is far cheaper without a thread-pool round trip, on every read.
      const oid = readFileSync(join(this.gitdir, ref), 'utf8').trim();
      if (FULL_OID.test(oid)) return oid;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return packedRef(this.gitdir, ref); // e.g. after `git gc` in a dropped-in repository
  }

  /**
   * Moves the branch to `newOid` (atomic rename of the ref file). Refuses when the branch no longer points at
   * `expected` — the last line of defence should two writers ever both believe they hold the lock.
   */
  async updateHead(expected: string | null, newOid: string): Promise<void> {
    await this.flushObjects();
    if ((await this.readHead()) !== expected) throw new WikiError('The branch moved during the write; nothing was changed');
    writeFileAtomicSync(join(this.gitdir, await this.branchRef()), `${newOid}\n`, this.write);
  }

  async readTree(oid: string): Promise<readonly TreeEntry[]> {
    return (await this.encodedTree(oid)).entries;
  }

  /** A tree with its encoded form, from a small LRU (a write patches the cached form of the trees it changes). */
  private async encodedTree(oid: string): Promise<EncodedTree> {
    const hit = this.trees.get(oid);
    if (hit) {
      this.trees.delete(oid); // LRU: move to the end
      this.trees.set(oid, hit);
      return hit;
    }
    const tree = EncodedTree.parse((await this.readObject(oid, 'tree')).body);
    this.remember(oid, tree);
    return tree;
  }

  private remember(oid: string, tree: EncodedTree): void {
    this.trees.set(oid, tree);
    if (this.trees.size > TREE_CACHE_SIZE) this.trees.delete(this.trees.keys().next().value!);
  }

  /** Reads an object: loose objects natively, packed ones through isomorphic-git. */
  async readObject(oid: string, expected: string): Promise<GitObject> {
    let object: GitObject | null = this.pending.get(oid) ?? readLooseObject(this.gitdir, oid) ?? this.packs.read(oid);
    if (object === null) {
      const packed = await (await isomorphicGit()).readObject({ ...this.opts, oid, format: 'content' });
      object = { type: packed.type, body: Buffer.from(packed.object as Uint8Array) };
    }
    if (object.type !== expected) throw new WikiError(`Object ${oid} is a ${object.type}, not a ${expected}`);
    return object;
  }

  async readCommit(oid: string): Promise<CommitData> {
    return commitData(oid, (await this.readObject(oid, 'commit')).body);
  }

  async readBlob(oid: string): Promise<Uint8Array> {
    return (await this.readObject(oid, 'blob')).body;
  }

  /** A blob decoded as UTF-8, from a small cache of recently read or written texts. */
  async readText(oid: string): Promise<string> {
    const hit = this.texts.get(oid);
    if (hit !== undefined) return hit;
    const text = Buffer.from(await this.readBlob(oid)).toString('utf8');
    this.primeText(oid, text);
    return text;
  }

  /** Remembers a text just written, so reading it back costs nothing. */
  primeText(oid: string, text: string): void {
    this.texts.set(oid, text);
    if (this.texts.size > TEXT_CACHE_SIZE) this.texts.delete(this.texts.keys().next().value!);
  }

  /** The blob id of `file` in the tree of commit `commitOid`, or null when absent. */
  async fileAt(commitOid: string, file: string): Promise<string | null> {
    let tree = (await this.readCommit(commitOid)).tree;
    const parts = file.split('/');
    for (let i = 0; i < parts.length; i++) {
      const entry = (await this.readTree(tree)).find((e) => e.path === parts[i]);
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
      const oid = rev.length === 40 ? rev : await this.expand(rev);
      await this.readObject(oid, 'commit');
      return oid;
    } catch (err) {
      throw new RevisionNotFoundError(revision, { cause: err });
    }
  }

  private async expand(prefix: string): Promise<string> {
    const names = await fsp.readdir(join(this.gitdir, 'objects', prefix.slice(0, 2))).catch(() => [] as string[]);
    const loose = names.filter((n) => n.startsWith(prefix.slice(2))).map((n) => prefix.slice(0, 2) + n);
    if (loose.length === 1) return loose[0]!;
    if (loose.length > 1) throw new WikiError(`Revision ${prefix} is ambiguous`);
    return (await isomorphicGit()).expandOid({ ...this.opts, oid: prefix });
  }

  async writeBlob(bytes: Uint8Array): Promise<string> {
    return this.putObject('blob', Buffer.from(bytes));
  }

  /** Queues an object for {@link flushObjects} unless it is already stored; returns its id. */
  private putObject(type: string, body: Buffer): string {
    return this.queue(encodeObject(type, body));
  }

  private queue(object: EncodedObject): string {
    if (!this.pending.has(object.oid) && !hasLooseObject(this.gitdir, object.oid)) this.pending.set(object.oid, object);
    return object.oid;
  }

  /**
   * Writes queued objects, each atomically (temp file, fsync when durable, rename), all in parallel so their
   * flushes share one journal commit instead of queueing one after another.
   */
  async flushObjects(): Promise<void> {
    const objects = [...this.pending.values()];
    await Promise.all(
      objects.map(async (object) => {
        const dir = join(this.gitdir, 'objects', object.oid.slice(0, 2));
        if (!this.objectDirs.has(dir)) {
          await fsp.mkdir(dir, { recursive: true });
          this.objectDirs.add(dir);
        }
        await writeFileAtomic(looseObjectPath(this.gitdir, object.oid), object.deflated, this.write);
      }),
    );
    for (const object of objects) this.pending.delete(object.oid);
  }

  /** Forgets queued objects of a write that was abandoned. */
  discardPending(): void {
    this.pending.clear();
  }

  /**
   * Writes the tree that results from applying `changes` (file → blob id, or null to delete) to `rootOid`.
   * Only trees along changed paths are read and written, each by patching its cached encoded form; empty
   * directories disappear. Also returns the blob changes this makes, in {@link diffTrees}' form and order, or
   * null when a change replaced a directory by a file or the reverse (then diff the trees to know).
   */
  async applyChanges(
    rootOid: string | null,
    changes: ReadonlyMap<string, string | null>,
  ): Promise<{ readonly tree: string; readonly changes: FileChange[] | null }> {
    const list = [...changes].map(([file, oid]) => ({ parts: file.split('/'), oid }));
    const made: { changes: FileChange[] | null } = { changes: [] };
    const tree = (await this.buildTree(rootOid, list, '', made)) ?? this.writeTree(EncodedTree.from([]));
    return { tree, changes: made.changes?.sort(byFile) ?? null };
  }

  private async buildTree(
    treeOid: string | null,
    changes: { parts: string[]; oid: string | null }[],
    prefix: string,
    made: { changes: FileChange[] | null },
  ): Promise<string | null> {
    const tree = treeOid ? await this.encodedTree(treeOid) : EMPTY_TREE;
    const updates = new Map<string, TreeEntry | null>();
    const subdirs = new Map<string, { parts: string[]; oid: string | null }[]>();
    for (const change of changes) {
      const [name, ...rest] = change.parts;
      if (rest.length > 0) {
        subdirs.set(name!, [...(subdirs.get(name!) ?? []), { parts: rest, oid: change.oid }]);
        continue;
      }
      const existing = tree.get(name!);
      if (existing !== undefined && existing.type !== 'blob') made.changes = null;
      const oldOid = existing?.type === 'blob' ? existing.oid : null;
      if (oldOid !== change.oid) made.changes?.push({ file: prefix + name, oldOid, newOid: change.oid });
      if (change.oid === null) {
        if (existing) updates.set(name!, null);
      } else if (existing?.oid !== change.oid || existing.mode !== '100644') {
        updates.set(name!, { mode: '100644', path: name!, oid: change.oid, type: 'blob' });
      }
    }
    for (const [name, sub] of subdirs) {
      const existing = tree.get(name);
      if (existing !== undefined && existing.type !== 'tree') made.changes = null;
      const before = existing?.type === 'tree' ? existing.oid : null;
      const subOid = await this.buildTree(before, sub, `${prefix}${name}/`, made);
      if (subOid === null) {
        if (existing) updates.set(name, null);
      } else if (subOid !== before) {
        updates.set(name, { mode: '040000', path: name, oid: subOid, type: 'tree' });
      }
    }
    if (updates.size === 0) return treeOid;
    const patched = tree.patch(updates);
    return patched.entries.length === 0 ? null : this.writeTree(patched);
  }

  private writeTree(tree: EncodedTree): string {
    const oid = this.queue(encodeTreeObject(tree));
    this.remember(oid, tree);
    return oid;
  }

  /** Blob changes between two trees (either may be null), descending only into subtrees that differ; by file. */
  async diffTrees(a: string | null, b: string | null): Promise<FileChange[]> {
    return (await this.diffInto(a, b, '')).sort(byFile);
  }

  private async diffInto(a: string | null, b: string | null, prefix: string): Promise<FileChange[]> {
    if (a === b) return [];
    const left = new Map((a ? await this.readTree(a) : []).map((e) => [e.path, e]));
    const right = new Map((b ? await this.readTree(b) : []).map((e) => [e.path, e]));
    const changes: FileChange[] = [];
    for (const name of new Set([...left.keys(), ...right.keys()])) {
      const l = left.get(name);
      const r = right.get(name);
      if (l?.oid === r?.oid && l?.type === r?.type) continue;
      const path = prefix + name;
      const lTree = l?.type === 'tree' ? l.oid : null;
      const rTree = r?.type === 'tree' ? r.oid : null;
      if (lTree || rTree) changes.push(...(await this.diffInto(lTree, rTree, `${path}/`)));
      const lBlob = l?.type === 'blob' ? l.oid : null;
      const rBlob = r?.type === 'blob' ? r.oid : null;
      if (lBlob !== rBlob) changes.push({ file: path, oldOid: lBlob, newOid: rBlob });
    }
    return changes;
  }

  /** Queues the commit object; returns it as {@link readCommit} would read it back. */
  async writeCommit(input: { tree: string; parent: string | null; author: Author; message: string }): Promise<CommitData> {
    const body = serializeCommit({ ...input, timestamp: Math.floor(Date.now() / 1000) });
    return commitData(this.putObject('commit', body), body);
  }
}

const EMPTY_TREE = EncodedTree.from([]);

function byFile(a: FileChange, b: FileChange): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
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

/** The id of `ref` in `packed-refs`, or null. */
function packedRef(gitdir: string, ref: string): string | null {
  try {
    const line = readFileSync(join(gitdir, 'packed-refs'), 'utf8')
      .split('\n')
      .find((l) => l.endsWith(` ${ref}`));
    return line && FULL_OID.test(line.slice(0, 40)) ? line.slice(0, 40) : null;
  } catch {
    return null;
  }
}
