/**
 * @module The chunk vectors of every page, int8-quantised (one byte per dimension plus one float per chunk), and
 * their on-disk form. Cosine similarity needs no scale: for v = s·q (q the int8 row), v/|v| = q/|q|, so each row
 * keeps only 1/|q|. At 512 dimensions 30,000 chunks take 15 MB instead of 61 MB as float32.
 */

/** The vectors of one page, for the blob they were computed from. */
export interface PageVectors {
  /** Blob id of the page text the chunks were cut from (blobs never change, so snippets re-cut it exactly). */
  readonly oid: string;
  /** Heading path of each chunk, in order. */
  readonly sections: readonly string[];
  /** `sections.length × dimensions` int8 values, row by row. */
  readonly rows: Int8Array;
  /** 1/|row| for each row (0 for an all-zero row). */
  readonly inverseNorms: Float32Array;
}

/** What a saved store describes: the model, the commit, and the pages. */
interface Header {
  readonly version: number;
  readonly provider: string;
  readonly dimensions: number;
  readonly head: string | null;
  readonly pages: readonly { key: string; oid: string; sections: readonly string[] }[];
}

const FORMAT_VERSION = 1;

/** Quantises float vectors (any scale) into one page's rows. */
export function quantize(
  oid: string,
  sections: readonly string[],
  vectors: readonly Float32Array[],
  dims: number,
): PageVectors {
  const rows = new Int8Array(vectors.length * dims);
  const inverseNorms = new Float32Array(vectors.length);
  vectors.forEach((vector, r) => {
    if (vector.length !== dims) throw new Error(`embedding has ${vector.length} dimensions, expected ${dims}`);
    let max = 0;
    for (let i = 0; i < dims; i++) max = Math.max(max, Math.abs(vector[i]!));
    const scale = max === 0 ? 0 : 127 / max;
    let sum = 0;
    for (let i = 0; i < dims; i++) {
      const q = Math.round(vector[i]! * scale);
      rows[r * dims + i] = q;
      sum += q * q;
    }
    inverseNorms[r] = sum === 0 ? 0 : 1 / Math.sqrt(sum);
  });
  return { oid, sections, rows, inverseNorms };
}

/** A query vector scaled to unit length (cosine against a row is then a dot product times the row's 1/|q|). */
export function unitVector(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const x of vector) sum += x * x;
  const inverse = sum === 0 ? 0 : 1 / Math.sqrt(sum);
  return vector.map((x) => x * inverse);
}

/** Cosine distances (1 − cosine similarity) of every row of `page` to the unit query. */
export function distances(page: PageVectors, query: Float32Array, dims: number): Float32Array {
  const out = new Float32Array(page.inverseNorms.length);
  for (let r = 0; r < out.length; r++) out[r] = rowDistance(page, r, query, dims);
  return out;
}

/** Cosine distance of row `r` of `page` to the unit query; the hot loop of every search, four lanes at a time. */
export function rowDistance(page: PageVectors, r: number, query: Float32Array, dims: number): number {
  const rows = page.rows;
  const base = r * dims;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  for (; i + 3 < dims; i += 4) {
    a += query[i]! * rows[base + i]!;
    b += query[i + 1]! * rows[base + i + 1]!;
    c += query[i + 2]! * rows[base + i + 2]!;
    d += query[i + 3]! * rows[base + i + 3]!;
  }
  for (; i < dims; i++) a += query[i]! * rows[base + i]!;
  return 1 - (a + b + c + d) * page.inverseNorms[r]!;
}

/** Serialises the store: a length-prefixed JSON header, then every page's rows, then every page's norms. */
export function encodeStore(
  provider: string,
  dims: number,
  head: string | null,
  pages: ReadonlyMap<string, PageVectors>,
): Buffer {
  const entries = [...pages];
  const header: Header = {
    version: FORMAT_VERSION,
    provider,
    dimensions: dims,
    head,
    pages: entries.map(([key, page]) => ({ key, oid: page.oid, sections: page.sections })),
  };
  const json = Buffer.from(JSON.stringify(header));
  const rowBytes = entries.reduce((n, [, page]) => n + page.rows.length, 0);
  const normBytes = entries.reduce((n, [, page]) => n + page.inverseNorms.byteLength, 0);
  // Norms start on a 4-byte boundary so they can be read as floats where they lie.
  const normsAt = align4(4 + json.length + rowBytes);
  const out = Buffer.alloc(normsAt + normBytes);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  let at = 4 + json.length;
  for (const [, page] of entries) {
    out.set(new Uint8Array(page.rows.buffer, page.rows.byteOffset, page.rows.length), at);
    at += page.rows.length;
  }
  at = normsAt;
  for (const [, page] of entries) {
    out.set(new Uint8Array(page.inverseNorms.buffer, page.inverseNorms.byteOffset, page.inverseNorms.byteLength), at);
    at += page.inverseNorms.byteLength;
  }
  return out;
}

/** A decoded store, or null when `bytes` is not a store of this format, model and size (it is then rebuilt). */
export function decodeStore(
  bytes: Buffer,
  provider: string,
  dims: number,
): { head: string | null; pages: Map<string, PageVectors> } | null {
  try {
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as Header;
    if (header.version !== FORMAT_VERSION || header.provider !== provider || header.dimensions !== dims) return null;
    const rowCount = header.pages.reduce((n, page) => n + page.sections.length, 0);
    const rowsAt = 4 + length;
    const normsAt = align4(rowsAt + rowCount * dims);
    if (bytes.length !== normsAt + rowCount * 4) return null;
    // One copy of each block (aligned, detached from the file buffer); pages are views into them.
    const allRows = new Int8Array(
      bytes.buffer.slice(bytes.byteOffset + rowsAt, bytes.byteOffset + rowsAt + rowCount * dims),
    );
    const allNorms = new Float32Array(bytes.buffer.slice(bytes.byteOffset + normsAt, bytes.byteOffset + bytes.length));
    const pages = new Map<string, PageVectors>();
    let row = 0;
    for (const page of header.pages) {
      const n = page.sections.length;
      pages.set(page.key, {
        oid: page.oid,
        sections: page.sections,
        rows: allRows.subarray(row * dims, (row + n) * dims),
        inverseNorms: allNorms.subarray(row, row + n),
      });
      row += n;
    }
    return { head: header.head, pages };
  } catch {
    return null;
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
