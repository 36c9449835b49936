/**
 * @module Blob changes between two trees, descending only into subtrees whose ids differ. Two versions of a tree
 * are compared by their bytes first (`EncodedTree.relate`): only the entries between the common start and the
 * common end are looked at, so a commit that changed one page of a flat 10,000-page wiki costs a few memcmp calls,
 * not a walk over every entry.
 */
import type { EncodedTree, TreeEntry } from './tree-codec.js';

/** A changed file between two trees. */
export interface FileChange {
  readonly file: string;
  readonly oldOid: string | null;
  readonly newOid: string | null;
}

/** Where trees come from: the store's cache. */
export interface TreeReader {
  encodedTree(oid: string): Promise<EncodedTree>;
  /** Tree `oid`, parsed relative to `base`, with the range of entries where the two differ. */
  relatedTree(base: EncodedTree, oid: string): Promise<ReturnType<EncodedTree['relate']>>;
}

/** Blob changes between two trees (either may be null), sorted by file. */
export async function diffTrees(trees: TreeReader, a: string | null, b: string | null): Promise<FileChange[]> {
  return (await diffInto(trees, a, b, '')).sort(byFile);
}

async function diffInto(trees: TreeReader, a: string | null, b: string | null, prefix: string): Promise<FileChange[]> {
  if (a === b) return [];
  let left: readonly TreeEntry[] = [];
  let right: readonly TreeEntry[] = [];
  if (a !== null && b !== null) {
    const base = await trees.encodedTree(a);
    const related = await trees.relatedTree(base, b);
    left = base.entries.slice(related.from, related.toThis);
    right = related.tree.entries.slice(related.from, related.toOther);
  } else if (a !== null) {
    left = (await trees.encodedTree(a)).entries;
  } else if (b !== null) {
    right = (await trees.encodedTree(b)).entries;
  }
  const lefts = new Map(left.map((e) => [e.path, e]));
  const rights = new Map(right.map((e) => [e.path, e]));
  const changes: FileChange[] = [];
  for (const name of new Set([...lefts.keys(), ...rights.keys()])) {
    const l = lefts.get(name);
    const r = rights.get(name);
    if (l?.oid === r?.oid && l?.type === r?.type) continue;
    const path = prefix + name;
    const lTree = l?.type === 'tree' ? l.oid : null;
    const rTree = r?.type === 'tree' ? r.oid : null;
    if (lTree || rTree) changes.push(...(await diffInto(trees, lTree, rTree, `${path}/`)));
    const lBlob = l?.type === 'blob' ? l.oid : null;
    const rBlob = r?.type === 'blob' ? r.oid : null;
    if (lBlob !== rBlob) changes.push({ file: path, oldOid: lBlob, newOid: rBlob });
  }
  return changes;
}

/** Git's order of changed files (code-unit order of the path). */
export function byFile(a: FileChange, b: FileChange): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
