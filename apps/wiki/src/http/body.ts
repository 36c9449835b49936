/**
 * @module Reading request bodies defensively: a byte limit enforced while reading (not trusted from
 * Content-Length), strict UTF-8, and the one content type each endpoint accepts.
 */
import { HttpError } from './http-error.js';

/**
 * The largest request body read, in bytes. A page may hold 1 MB; a form or JSON encoding of it can be
 * several times larger (percent-encoding triples non-ASCII bytes), and Lambda carries at most 6 MB.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Reads the raw body; over `limit` bytes (declared or actually sent) → 413. */
export async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new HttpError(413, 'payload_too_large', `The request body is over ${limit} bytes.`);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new HttpError(413, 'payload_too_large', `The request body is over ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads the body as UTF-8 text; invalid UTF-8 → 400, over the limit → 413. */
export async function readText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const bytes = await readBytes(request, limit);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid_encoding', 'The request body is not valid UTF-8.');
  }
}

function requireType(request: Request, type: string): void {
  const actual = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (actual !== type) throw new HttpError(415, 'unsupported_media_type', `Send the body as ${type}.`);
}

/** Reads an `application/x-www-form-urlencoded` body. */
export async function readForm(request: Request): Promise<URLSearchParams> {
  requireType(request, 'application/x-www-form-urlencoded');
  const text = await readText(request);
  // URLSearchParams replaces undecodable percent-escapes with U+FFFD; refuse them instead.
  for (const match of text.matchAll(/(?:%[0-9a-f]{2})+/gi)) {
    try {
      decodeURIComponent(match[0]);
    } catch {
      throw new HttpError(400, 'invalid_encoding', 'The form data is not valid UTF-8.');
    }
  }
  return new URLSearchParams(text);
}

/** Reads an `application/json` body whose top level is an object (at most `limit` bytes). */
export async function readJsonObject(request: Request, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  requireType(request, 'application/json');
  const text = await readText(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(422, 'invalid_body', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
