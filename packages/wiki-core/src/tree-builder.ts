/**
 * @module Building the trees of a commit from changed paths: only the trees along changed paths are read, each is
 * patched from its encoded form (see `tree-codec.ts`), and empty directories disappear.
 */
import { byFile, type FileChange } from './tree-diff.js';
import { EncodedTree, type TreeEntry } from './tree-codec.js';

/** Where trees come from and go: the store's tree cache and its write queue. */
export interface TreeSource {
  encodedTree(oid: string): Promise<EncodedTree>;
  /** Queues a new tree object (patched from `base` when given); returns its id. */
  writeTree(tree: EncodedTree, base?: EncodedTree): string;
}

interface Change {
  readonly parts: string[];
  readonly oid: string | null;
}

const EMPTY_TREE = EncodedTree.from([]);

/**
 * Writes the tree that results from applying `changes` (file → blob id, or null to delete) to `rootOid`. Also
 * returns the blob changes this makes, in `diffTrees`' form and order, or null when a change replaced a directory
 * by a file or the reverse (then diff the trees to know).
 */
export async function applyChanges(
  source: TreeSource,
  rootOid: string | null,
  changes: ReadonlyMap<string, string | null>,
): Promise<{ readonly tree: string; readonly changes: FileChange[] | null }> {
  const list = [...changes].map(([file, oid]) => ({ parts: file.split('/'), oid }));
  const made: { changes: FileChange[] | null } = { changes: [] };
  const tree = (await buildTree(source, rootOid, list, '', made)) ?? source.writeTree(EMPTY_TREE);
  return { tree, changes: made.changes?.sort(byFile) ?? null };
}

async function buildTree(
  source: TreeSource,
  treeOid: string | null,
  changes: Change[],
  prefix: string,
  made: { changes: FileChange[] | null },
): Promise<string | null> {
  const tree = treeOid ? await source.encodedTree(treeOid) : EMPTY_TREE;
  const updates = new Map<string, TreeEntry | null>();
  const subdirs = new Map<string, Change[]>();
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
    const subOid = await buildTree(source, before, sub, `${prefix}${name}/`, made);
    if (subOid === null) {
      if (existing) updates.set(name, null);
    } else if (subOid !== before) {
      updates.set(name, { mode: '040000', path: name, oid: subOid, type: 'tree' });
    }
  }
  if (updates.size === 0) return treeOid;
  const patched = tree.patch(updates);
  return patched.entries.length === 0 ? null : source.writeTree(patched, tree);
}
