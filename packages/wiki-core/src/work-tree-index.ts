/**
 * @module Keeping `.git/index` in step with the branch: after each commit the index lists exactly the commit's
 * tree, with the stat data of the work-tree files just written, so `git status` is clean and the git CLI,
 * GitPython and Otterwiki commit on top without losing anything. The index this process wrote last is kept in
 * memory as its bytes and patched in place (`index-image.ts`): a 10k-page index is ~0.8 MB, and parsing or
 * re-serialising it per write would cost more than the rest of the write.
 */
import {
  closeSync,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  type BigIntStats,
} from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync, type AtomicWriteOptions } from './atomic-fs.js';
import type { GitStore } from './git-store.js';
import { encodeObject } from './object-codec.js';
import { mirrorWorkTree } from './work-tree.js';
import { encodeEntry, entryOid, parseIndex, type IndexEntry } from './index-codec.js';
import { IndexImage } from './index-image.js';

/** An index written to a temporary file, ready to replace `.git/index`. */
export interface StagedIndex {
  /** Moves it into place (before the branch moves). */
  commit(): void;
  /** Puts the previous index back (the branch did not move). */
  rollBack(): void;
}

/** The index of one repository, as this process last wrote it. */
export class WorkTreeIndex {
  private readonly file: string;
  /** `<checksum> <commit>`: which commit the index of that checksum describes (any wikibot process writes it). */
  private readonly record: string;
  private last: { head: string; image: IndexImage } | null = null;

  constructor(
    private readonly gitdir: string,
    private readonly store: GitStore,
    private readonly scratch: AtomicWriteOptions,
  ) {
    this.file = join(gitdir, 'index');
    this.record = join(gitdir, 'wikibot', 'index-head');
  }

  /**
   * Writes the index of commit `head` (tree `tree`), made from `parent` (tree `parentTree`) by `changes`, with
   * `stats` of the work-tree files written, to a temporary file. Call under `.git/index.lock`.
   * `patchable` is false when a change replaced a directory by a file or the reverse (the tree is listed anew).
   */
  async stage(
    commit: { parent: string | null; parentTree: string | null; head: string; tree: string },
    changes: ReadonlyMap<string, string | null>,
    stats: ReadonlyMap<string, BigIntStats>,
    patchable: boolean,
  ): Promise<StagedIndex> {
    const base = await this.imageOf(commit.parent, commit.parentTree);
    // Patched in place (see `index-image.ts`); `undo` puts the parent's bytes back if the branch does not move.
    const undo = patchable ? base.apply(changes, stats) : null;
    const image = undo ? base : IndexImage.of(await this.fromTree(commit.tree, base.entries, stats));
    this.last = null; // until the new index is in place, the image no longer matches the file
    const temp = join(this.scratch.tmpDir, `index-${commit.head}`);
    try {
      writeFileAtomicSync(temp, image.bytes, this.scratch);
    } catch (err) {
      undo?.();
      throw err;
    }
    let committed = false;
    return {
      commit: () => {
        renameSync(temp, this.file);
        committed = true;
        this.last = { head: commit.head, image };
        writeFileAtomicSync(this.record, `${image.checksum} ${commit.head}\n`, this.scratch);
      },
      rollBack: () => {
        this.last = null;
        undo?.();
        if (committed) writeFileAtomicSync(this.file, base.bytes, this.scratch);
        else rmSync(temp, { force: true });
      },
    };
  }

  /**
   * Rewrites the index as the tree of `head` (`git reset` followed by `git update-index --refresh`): a work-tree
   * file whose content is the blob's keeps its stat data, a missing one is checked out first, a different one is
   * left alone (git shows it as modified). Call under `.git/index.lock`.
   */
  async reset(dir: string, head: string, tree: string): Promise<{ checkedOut: number; modified: number }> {
    const stats = new Map<string, BigIntStats>();
    const counts = { checkedOut: 0, modified: 0 };
    const missing = new Map<string, string>();
    for (const entry of await this.fromTree(tree, [], stats)) {
      const file = entry.path.toString('utf8');
      const oid = entryOid(entry);
      const bytes = readOrNull(join(dir, file));
      if (bytes === null) missing.set(file, oid);
      else if (encodeObject('blob', bytes).oid === oid) stats.set(file, lstatSync(join(dir, file), { bigint: true }));
      else counts.modified++;
    }
    for (const [file, st] of await mirrorWorkTree(dir, this.store, missing, this.scratch)) stats.set(file, st);
    counts.checkedOut = missing.size;
    const image = IndexImage.of(await this.fromTree(tree, [], stats));
    writeFileAtomicSync(this.file, image.bytes, this.scratch);
    this.last = { head, image };
    writeFileAtomicSync(this.record, `${image.checksum} ${head}\n`, this.scratch);
    return counts;
  }

  /** The index on disk when it describes `parent` (this process's image when it wrote it); else the parent's tree. */
  private async imageOf(parent: string | null, parentTree: string | null): Promise<IndexImage> {
    const checksum = trailingChecksum(this.file);
    if (checksum === null) return IndexImage.of(await this.fromTree(parentTree, [], new Map()));
    if (this.last && this.last.image.checksum === checksum && this.last.head === parent) return this.last.image;
    let parsed;
    try {
      parsed = parseIndex(readFileSync(this.file));
    } catch {
      return IndexImage.of(await this.fromTree(parentTree, [], new Map())); // unreadable: git would refuse it too
    }
    const recorded = readOrNull(this.record)?.toString('utf8').trim().split(' ');
    const describesParent =
      parsed.complete &&
      ((parentTree !== null && parsed.treeOid === parentTree) ||
        (recorded?.[0] === checksum && recorded[1] === parent));
    return IndexImage.of(describesParent ? parsed.entries : await this.fromTree(parentTree, parsed.entries, new Map()));
  }

  /**
   * Every file of `tree` as an index entry. Stat data comes from `stats` (files just written), else from an old
   * entry with the same path and blob, else it is zero (git then compares the file's content once).
   */
  private async fromTree(
    tree: string | null,
    old: readonly IndexEntry[],
    stats: ReadonlyMap<string, BigIntStats>,
  ): Promise<IndexEntry[]> {
    const known = new Map(old.map((e) => [e.path.toString('utf8'), e]));
    const entries: IndexEntry[] = [];
    for (const { path, oid, mode: treeMode } of tree === null ? [] : await this.store.listFiles(tree)) {
      const kept = known.get(path);
      const mode = parseInt(treeMode, 8);
      const reuse = kept && entryOid(kept) === oid && kept.bytes.readUInt32BE(24) === mode && !stats.has(path);
      entries.push(reuse ? kept : encodeEntry(path, oid, stats.get(path) ?? null, mode));
    }
    return entries.sort((a, b) => Buffer.compare(a.path, b.path));
  }
}

/** The last 20 bytes of the index file (its checksum), or null when there is none. */
function trailingChecksum(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (size < 32) return null;
    const tail = Buffer.alloc(20);
    readSync(fd, tail, 0, 20, size - 20);
    return tail.toString('hex');
  } finally {
    closeSync(fd);
  }
}

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}
