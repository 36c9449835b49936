/**
 * @module Blob changes between two trees, descending only into subtrees whose ids differ.
 */
import type { TreeEntry } from './tree-codec.js';

/** A changed file between two trees. */
export interface FileChange {
  readonly file: string;
  readonly oldOid: string | null;
  readonly newOid: string | null;
}

type ReadTree = (oid: string) => Promise<readonly TreeEntry[]>;

/** Blob changes between two trees (either may be null), sorted by file. */
export async function diffTrees(readTree: ReadTree, a: string | null, b: string | null): Promise<FileChange[]> {
  return (await diffInto(readTree, a, b, '')).sort(byFile);
}

async function diffInto(readTree: ReadTree, a: string | null, b: string | null, prefix: string): Promise<FileChange[]> {
  if (a === b) return [];
  const left = new Map((a ? await readTree(a) : []).map((e) => [e.path, e]));
  const right = new Map((b ? await readTree(b) : []).map((e) => [e.path, e]));
  const changes: FileChange[] = [];
  for (const name of new Set([...left.keys(), ...right.keys()])) {
    const l = left.get(name);
    const r = right.get(name);
    if (l?.oid === r?.oid && l?.type === r?.type) continue;
    const path = prefix + name;
    const lTree = l?.type === 'tree' ? l.oid : null;
    const rTree = r?.type === 'tree' ? r.oid : null;
    if (lTree || rTree) changes.push(...(await diffInto(readTree, lTree, rTree, `${path}/`)));
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
