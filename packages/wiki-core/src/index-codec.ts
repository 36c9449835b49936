/**
 * @module git's index file (`.git/index`, the "DIRC" format of git's Documentation/gitformat-index.txt): entries
 * with stat data, kept sorted by path bytes, read in versions 2–4 and written as version 2 without extensions.
 * An entry is kept as its encoded bytes, so a write patches a few entries and copies the rest.
 */
import { createHash } from './lazy-crypto.js';
import type { BigIntStats } from 'node:fs';

/** One stage-0 entry: its path (UTF-8 bytes, git's sort key) and encoded bytes. */
export interface IndexEntry {
  readonly path: Buffer;
  readonly bytes: Buffer;
}

/** What a parsed index holds. */
export interface ParsedIndex {
  readonly entries: IndexEntry[];
  /** The root tree id of a valid cache-tree (`TREE`) extension: the entries are exactly that tree. */
  readonly treeOid: string | null;
  /** False when the entries are not the whole index (split index) or include conflict stages. */
  readonly complete: boolean;
}

const SIGNATURE = 0x44495243; // "DIRC"
const HEADER = 12;
const FIXED = 62; // stat data (40) + id (20) + flags (2)
const REGULAR_FILE = 0o100644;

/** The 20-byte checksum that ends an index file's bytes (identifies its content). */
export function indexChecksum(file: Buffer): string {
  return file.subarray(file.length - 20).toString('hex');
}

/** Encodes one entry: the work-tree file's stat data (zeros when unknown: git then compares content). */
export function encodeEntry(path: string, oid: string, stat: BigIntStats | null, mode = REGULAR_FILE): IndexEntry {
  const name = Buffer.from(path, 'utf8');
  const bytes = Buffer.alloc((FIXED + name.length + 8) & ~7); // NUL-terminated, padded to a multiple of 8
  if (stat) {
    const u32 = (n: bigint): number => Number(n & 0xffffffffn);
    const fields = [
      stat.ctimeNs / 1_000_000_000n,
      stat.ctimeNs % 1_000_000_000n,
      stat.mtimeNs / 1_000_000_000n,
      stat.mtimeNs % 1_000_000_000n,
      stat.dev,
      stat.ino,
    ];
    fields.forEach((value, i) => bytes.writeUInt32BE(u32(value), i * 4));
    bytes.writeUInt32BE(u32(stat.uid), 28);
    bytes.writeUInt32BE(u32(stat.gid), 32);
    bytes.writeUInt32BE(u32(stat.size), 36);
  }
  bytes.writeUInt32BE(mode, 24);
  bytes.write(oid, 40, 'hex');
  bytes.writeUInt16BE(Math.min(name.length, 0xfff), 60);
  name.copy(bytes, FIXED);
  return { path: name, bytes };
}

/** The blob id an entry records. */
export function entryOid(entry: IndexEntry): string {
  return entry.bytes.toString('hex', 40, 60);
}

/** Serialises entries (already sorted by path bytes) as an index file, version 2, with its checksum. */
export function serializeIndex(entries: readonly IndexEntry[]): Buffer {
  let size = HEADER;
  for (const e of entries) size += e.bytes.length;
  // One buffer, filled in place: ~1 MB at 10,000 pages, rewritten on every write.
  const out = Buffer.allocUnsafe(size + 20);
  out.writeUInt32BE(SIGNATURE, 0);
  out.writeUInt32BE(2, 4);
  out.writeUInt32BE(entries.length, 8);
  let at = HEADER;
  for (const e of entries) at += e.bytes.copy(out, at);
  createHash('sha1').update(out.subarray(0, size)).digest().copy(out, size);
  return out;
}

/** Parses an index file. @throws Error when it is not one (bad signature, version or checksum) */
export function parseIndex(file: Buffer): ParsedIndex {
  if (file.length < HEADER + 20 || file.readUInt32BE(0) !== SIGNATURE) throw new Error('Not a git index');
  const version = file.readUInt32BE(4);
  if (version < 2 || version > 4) throw new Error(`Unsupported index version ${version}`);
  const body = file.subarray(0, file.length - 20);
  if (createHash('sha1').update(body).digest('hex') !== indexChecksum(file)) throw new Error('Index checksum mismatch');
  const count = file.readUInt32BE(8);
  const entries: IndexEntry[] = [];
  let complete = true;
  let at = HEADER;
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    const flags = body.readUInt16BE(at + 60);
    const extended = version >= 3 && (flags & 0x4000) !== 0;
    const start = at + FIXED + (extended ? 2 : 0);
    let path: Buffer;
    let end: number;
    if (version === 4) {
      const strip = varint(body, start);
      const nul = body.indexOf(0, strip.next);
      path = Buffer.concat([previous.subarray(0, previous.length - strip.value), body.subarray(strip.next, nul)]);
      end = nul + 1;
    } else {
      const nul = body.indexOf(0, start);
      path = body.subarray(start, nul);
      end = at + ((start - at + path.length + 8) & ~7);
    }
    if ((flags & 0x3000) !== 0)
      complete = false; // a merge conflict: stages 1–3
    else entries.push(version === 2 ? { path, bytes: body.subarray(at, end) } : reencode(body, at, path));
    previous = path;
    at = end;
  }
  const { treeOid, split } = readExtensions(body, at, count);
  return { entries, treeOid: complete && !split ? treeOid : null, complete: complete && !split };
}

/** An entry of a v3/v4 index as a v2 entry (its stat data, mode and id; extended flags dropped). */
function reencode(body: Buffer, at: number, path: Buffer): IndexEntry {
  const bytes = Buffer.alloc((FIXED + path.length + 8) & ~7);
  body.copy(bytes, 0, at, at + 60);
  bytes.writeUInt16BE(Math.min(path.length, 0xfff), 60);
  path.copy(bytes, FIXED);
  return { path: Buffer.from(path), bytes };
}

function varint(buf: Buffer, at: number): { value: number; next: number } {
  // git's offset encoding: each continuation adds one before shifting.
  let c = buf[at++]!;
  let value = c & 0x7f;
  while (c & 0x80) {
    c = buf[at++]!;
    value = ((value + 1) << 7) | (c & 0x7f);
  }
  return { value, next: at };
}

/** The root of a cache-tree extension, if it covers every entry; whether the index is split (`link`). */
function readExtensions(body: Buffer, at: number, count: number): { treeOid: string | null; split: boolean } {
  let treeOid: string | null = null;
  let split = false;
  while (at + 8 <= body.length) {
    const signature = body.toString('latin1', at, at + 4);
    const size = body.readUInt32BE(at + 4);
    const data = body.subarray(at + 8, at + 8 + size);
    if (signature === 'link') split = true;
    if (signature === 'TREE') {
      // Root node: "" NUL entry_count SP subtree_count LF [20-byte id when entry_count >= 0]
      const lf = data.indexOf(0x0a);
      const [entryCount] = data.toString('latin1', 1, lf).split(' ');
      if (Number(entryCount) === count) treeOid = data.toString('hex', lf + 1, lf + 21);
    }
    at += 8 + size;
  }
  return { treeOid, split };
}
