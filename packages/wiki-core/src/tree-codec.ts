/**
 * @module Tree objects: entries parsed with their byte offsets, so a write patches a tree by splicing the changed
 * entries into its encoded body (git's order kept by binary search) instead of sorting and re-encoding it.
 */

/** One entry of a git tree. */
export interface TreeEntry {
  readonly mode: string;
  readonly path: string;
  readonly oid: string;
  readonly type: 'blob' | 'tree' | 'commit';
}

/** Parses tree object content. */
export function parseTree(body: Buffer): readonly TreeEntry[] {
  return EncodedTree.parse(body).entries;
}

/** Serialises tree entries in git's order (bytewise, directories compared as if they ended in "/"). */
export function serializeTree(entries: readonly TreeEntry[]): Buffer {
  const keyed = entries.map((e) => ({ e, key: Buffer.from(e.type === 'tree' ? `${e.path}/` : e.path, 'utf8') }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  const parts = keyed.map(({ e }) => encodeEntry(e));
  const out = Buffer.allocUnsafe(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) at += part.copy(out, at);
  return out;
}

/** One entry's bytes: `<mode> <name>\0<20-byte id>`. */
function encodeEntry(e: TreeEntry): Buffer {
  const head = `${e.type === 'tree' ? '40000' : e.mode} ${e.path}\0`;
  const out = Buffer.allocUnsafe(Buffer.byteLength(head, 'utf8') + 20);
  const n = out.write(head, 'utf8');
  out.write(e.oid, n, 'hex');
  return out;
}

const SLASH = 0x2f;

/**
 * A tree's encoded body together with its parsed entries and each entry's byte offset, so a write can replace,
 * add or remove a few entries by splicing bytes instead of sorting and re-encoding thousands of unchanged ones
 * (a flat wiki's root tree holds one entry per page). Immutable: {@link patch} returns a new one.
 */
export class EncodedTree {
  private constructor(
    readonly body: Buffer,
    readonly entries: readonly TreeEntry[],
    /** `offsets[i]` is where entry i starts; `offsets[entries.length]` is the body's length. */
    private readonly offsets: Uint32Array,
    /** False when the stored entries are not in git's order (a foreign tool's tree): patching then re-sorts. */
    private readonly ordered: boolean,
  ) {}

  /** The encoded bytes of entries `from` (inclusive) to `to` (exclusive). */
  bytesOf(from: number, to: number): Buffer {
    return this.body.subarray(this.offsets[from], this.offsets[to]);
  }

  static parse(body: Buffer): EncodedTree {
    const entries: TreeEntry[] = [];
    const starts: number[] = [];
    for (let i = 0; i < body.length;) {
      starts.push(i);
      i = parseEntryAt(body, i, entries);
    }
    starts.push(body.length);
    const tree = new EncodedTree(body, entries, Uint32Array.from(starts), true);
    return tree.checkOrder() ? tree : new EncodedTree(body, entries, tree.offsets, false);
  }

  /**
   * The tree whose encoded body is `body`, parsed by reusing this tree's parse for the bytes the two share at the
   * start and at the end (consecutive versions of a big tree differ in a few entries), and the entries that differ:
   * this tree's `[from, toThis)` against the other's `[from, toOther)`; all others are identical.
   */
  relate(body: Buffer): { tree: EncodedTree; from: number; toThis: number; toOther: number } {
    const a = this.body;
    const max = Math.min(a.length, body.length);
    const prefix = commonPrefix(a, body, max);
    const suffix = commonSuffix(a, body, max - prefix);
    const n = this.entries.length;
    let from = 0; // entries wholly inside the common prefix
    while (from < n && this.offsets[from + 1]! <= prefix) from++;
    const shift = body.length - a.length;
    const middle: TreeEntry[] = [];
    const starts: number[] = [];
    let k = from;
    let pos = this.offsets[from]!;
    // Parse the other body until it is back on one of this tree's entry boundaries inside the common suffix.
    for (;;) {
      while (k < n && (this.offsets[k]! < a.length - suffix || this.offsets[k]! + shift < pos)) k++;
      if (this.offsets[k]! + shift === pos && this.offsets[k]! >= a.length - suffix) break;
      if (pos >= body.length) throw new Error('Corrupt tree object');
      starts.push(pos);
      pos = parseEntryAt(body, pos, middle);
    }
    const entries = [...this.entries.slice(0, from), ...middle, ...this.entries.slice(k)];
    const offsets = new Uint32Array(entries.length + 1);
    offsets.set(this.offsets.subarray(0, from));
    offsets.set(starts, from);
    for (let i = k; i <= n; i++) offsets[from + middle.length + i - k] = this.offsets[i]! + shift;
    const tree = new EncodedTree(body, entries, offsets, this.ordered);
    const ordered =
      this.ordered && tree.orderedBetween(Math.max(0, from - 1), Math.min(entries.length, from + middle.length + 1));
    return { tree: ordered ? tree : EncodedTree.parse(body), from, toThis: k, toOther: from + middle.length };
  }

  /** True when entries `[from, to)` are in git's order. */
  private orderedBetween(from: number, to: number): boolean {
    for (let i = from + 1; i < to; i++) if (this.compareAt(i - 1, this.keyOf(this.entries[i]!)) >= 0) return false;
    return true;
  }

  /** Encodes entries in git's order. */
  static from(entries: readonly TreeEntry[]): EncodedTree {
    return EncodedTree.parse(serializeTree(entries));
  }

  private checkOrder(): boolean {
    return this.orderedBetween(0, this.entries.length);
  }

  private keyOf(e: TreeEntry): Buffer {
    return Buffer.from(e.type === 'tree' ? `${e.path}/` : e.path, 'utf8');
  }

  /** Compares entry i's sort key (its name bytes, plus "/" for a tree) with `key`, bytewise. */
  private compareAt(i: number, key: Buffer): number {
    const start = this.body.indexOf(0x20, this.offsets[i]) + 1;
    const end = this.offsets[i + 1]! - 21;
    const isTree = this.entries[i]!.type === 'tree';
    const len = end - start + (isTree ? 1 : 0);
    const n = Math.min(len, key.length);
    for (let j = 0; j < n; j++) {
      const a = start + j < end ? this.body[start + j]! : SLASH;
      if (a !== key[j]) return a - key[j]!;
    }
    return len - key.length;
  }

  /** First index whose key is ≥ `key` (entries are in order). */
  private lowerBound(key: Buffer): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The entry named `name` (a file or a directory), or undefined. */
  get(name: string): TreeEntry | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.entries[i];
  }

  private indexOf(name: string): number {
    if (!this.ordered) return this.entries.findIndex((e) => e.path === name);
    for (const key of [Buffer.from(name, 'utf8'), Buffer.from(`${name}/`, 'utf8')]) {
      const i = this.lowerBound(key);
      if (i < this.entries.length && this.compareAt(i, key) === 0) return i;
    }
    return -1;
  }

  /**
   * The tree with entries replaced, added (name → entry) or removed (name → null). Unchanged entries keep their
   * bytes; only the changed ones are encoded.
   */
  patch(updates: ReadonlyMap<string, TreeEntry | null>): EncodedTree {
    if (!this.ordered) {
      const map = new Map(this.entries.map((e) => [e.path, e]));
      for (const [name, entry] of updates) {
        if (entry) map.set(name, entry);
        else map.delete(name);
      }
      return EncodedTree.from([...map.values()]);
    }
    // Splices against the old body: drop [at, end) and insert `entry` there.
    const splices: { at: number; end: number; entry: TreeEntry | null; key: Buffer | null }[] = [];
    for (const [name, entry] of updates) {
      const old = this.indexOf(name);
      if (old >= 0) splices.push({ at: old, end: old + 1, entry: null, key: null });
      if (entry) {
        const key = this.keyOf(entry);
        const at = this.lowerBound(key);
        splices.push({ at, end: at, entry, key });
      }
    }
    // Insertions at a position come (in key order) before a removal starting there.
    splices.sort((a, b) => a.at - b.at || (a.key && b.key ? Buffer.compare(a.key, b.key) : a.key ? -1 : b.key ? 1 : 0));
    const encoded = splices.map((s) => (s.entry ? encodeEntry(s.entry) : null));
    const size =
      this.body.length +
      splices.reduce((n, s, i) => n + (encoded[i]?.length ?? 0) - (this.offsets[s.end]! - this.offsets[s.at]!), 0);
    const body = Buffer.allocUnsafe(size);
    const entries: TreeEntry[] = [];
    const starts = new Uint32Array(this.entries.length + splices.length + 1);
    let pos = 0;
    let cursor = 0;
    const keep = (until: number): void => {
      if (until <= cursor) return;
      const from = this.offsets[cursor]!;
      const shift = pos - from;
      // Bulk copies: a flat wiki's root holds one entry per page, and this runs on every write.
      const at = entries.length;
      starts.set(this.offsets.subarray(cursor, until), at);
      if (shift !== 0) for (let i = at; i < at + until - cursor; i++) starts[i] = starts[i]! + shift;
      for (let i = cursor; i < until; i++) entries.push(this.entries[i]!);
      pos += this.body.copy(body, pos, from, this.offsets[until]);
      cursor = until;
    };
    splices.forEach((s, i) => {
      keep(s.at);
      const bytes = encoded[i];
      if (s.entry && bytes) {
        starts[entries.length] = pos;
        entries.push(s.entry);
        pos += bytes.copy(body, pos);
      }
      cursor = Math.max(cursor, s.end);
    });
    keep(this.entries.length);
    starts[entries.length] = pos;
    return new EncodedTree(body, entries, starts.slice(0, entries.length + 1), true);
  }
}

/** Parses the entry at `at` into `out`; returns where the next entry starts. */
function parseEntryAt(body: Buffer, at: number, out: TreeEntry[]): number {
  const space = body.indexOf(0x20, at);
  const nul = body.indexOf(0, space);
  if (space < 0 || nul < 0 || nul + 21 > body.length) throw new Error('Corrupt tree object');
  const mode = body.subarray(at, space).toString('latin1').padStart(6, '0');
  const path = body.subarray(space + 1, nul).toString('utf8');
  const oid = body.subarray(nul + 1, nul + 21).toString('hex');
  const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
  out.push({ mode, path, oid, type });
  return nul + 21;
}

const CHUNK = 4096;

/** Length of the common start of `a` and `b`, at most `max`. */
function commonPrefix(a: Buffer, b: Buffer, max: number): number {
  let i = 0;
  while (i + CHUNK <= max && a.compare(b, i, i + CHUNK, i, i + CHUNK) === 0) i += CHUNK;
  while (i < max && a[i] === b[i]) i++;
  return i;
}

/** Length of the common end of `a` and `b`, at most `max`. */
function commonSuffix(a: Buffer, b: Buffer, max: number): number {
  let i = 0;
  const ea = a.length;
  const eb = b.length;
  while (i + CHUNK <= max && a.compare(b, eb - i - CHUNK, eb - i, ea - i - CHUNK, ea - i) === 0) i += CHUNK;
  while (i < max && a[ea - i - 1] === b[eb - i - 1]) i++;
  return i;
}
