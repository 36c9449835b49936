/**
 * @module Page attachments in An Otter Wiki's layout: the files directly inside the directory named like the
 * page's file without `.md` (`foo/bar baz.md` → `foo/bar baz/report.pdf`), served by the wiki at
 * `/<Page>/a/<filename>`. File names are made safe the way Otterwiki's uploads are (one plain segment).
 */
import { AttachmentTooLargeError, InvalidArgumentError } from './errors.js';

/**
 * Largest attachment, in bytes: 4 MiB. An attachment travels base64-encoded inside JSON (MCP and REST) and
 * base64-encoded in the Lambda result when served, and a synchronous Lambda invocation carries at most
 * 6 MB (6,291,456 bytes) each way: 4 MiB becomes 5,592,408 base64 characters, leaving room for the framing.
 */
export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;

/** Longest attachment file name, in characters. */
const MAX_FILENAME_CHARS = 200;

/** One attachment of a page. */
export interface Attachment {
  readonly filename: string;
  readonly size: number;
  /** The media type guessed from the extension (`application/octet-stream` when unknown). */
  readonly mimeType: string;
  /** When the file last changed (ISO 8601), and in which commit. */
  readonly updated?: string;
  readonly revision?: string;
}

/** An attachment's bytes. */
export interface AttachmentContent extends Attachment {
  readonly bytes: Uint8Array;
}

/**
 * The stored name of an uploaded file: its last path segment, ASCII letters, digits, `.`, `_` and `-` only
 * (whitespace becomes `_`, accents are dropped, anything else removed), no leading dots or underscores.
 * The same rule finds a file again, so `my report.pdf` names `my_report.pdf` on every call.
 * @throws InvalidArgumentError when nothing usable is left, or for a `.md` name (it would be read as a page)
 * @example attachmentFilename('../Annual report.PDF') // 'Annual_report.PDF'
 */
export function attachmentFilename(name: string): string {
  if (typeof name !== 'string') throw new InvalidArgumentError('The attachment file name must be a string');
  const last = name.split(/[/\\]/).pop() ?? '';
  const safe = last
    .normalize('NFKD')
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9._-]/g, '')
    .replace(/^[._]+/, '')
    .slice(0, MAX_FILENAME_CHARS);
  if (safe === '')
    throw new InvalidArgumentError(
      `"${name.slice(0, 60)}" is not a usable file name; use letters, digits, ".", "_" or "-"`,
    );
  if (/\.md$/i.test(safe))
    throw new InvalidArgumentError('An attachment may not end in ".md": the wiki would read it as a page');
  return safe;
}

const TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  ico: 'image/vnd.microsoft.icon',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  htm: 'text/html',
  js: 'text/javascript',
  css: 'text/css',
  zip: 'application/zip',
  gz: 'application/gzip',
  tar: 'application/x-tar',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  yaml: 'application/yaml',
  yml: 'application/yaml',
};

/** The media type of a file name, from its extension (what Otterwiki and otterwiki-api report). */
export function attachmentMimeType(filename: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  return (ext && TYPES[ext]) || 'application/octet-stream';
}

/** Which of a page's attachment files `name` means: as given, as made safe, or ignoring case. */
export function findAttachmentFile(files: readonly string[], dir: string, name: string): string | undefined {
  const last =
    String(name ?? '')
      .split(/[/\\]/)
      .pop() ?? '';
  const safe = safeOrEmpty(last);
  for (const candidate of [last, safe]) if (candidate && files.includes(dir + candidate)) return dir + candidate;
  return files.find((file) => file.toLowerCase() === (dir + safe).toLowerCase());
}

function safeOrEmpty(name: string): string {
  try {
    return attachmentFilename(name);
  } catch {
    return '';
  }
}

/**
 * Decodes an attachment sent as base64 (standard alphabet; whitespace ignored; padding optional), strictly:
 * a lenient decoder would silently drop bad characters and store a corrupt file.
 * @throws InvalidArgumentError for anything that is not base64, or decodes to more than `MAX_ATTACHMENT_BYTES`
 */
export function decodeAttachmentBase64(text: string): Uint8Array {
  if (typeof text !== 'string') throw new InvalidArgumentError('The attachment content must be a base64 string');
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) {
    throw new InvalidArgumentError('The attachment content is not valid base64');
  }
  const size = Math.floor((compact.replace(/=+$/, '').length * 3) / 4);
  if (size > MAX_ATTACHMENT_BYTES) throw new AttachmentTooLargeError(size, MAX_ATTACHMENT_BYTES);
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/**
 * The wiki's URL path of an attachment, as An Otter Wiki serves it: `/<Page>/a/<filename>`, each segment
 * percent-encoded.
 * @example attachmentUrlPath('Foo/Bar Baz', 'a b.png') // '/Foo/Bar%20Baz/a/a%20b.png'
 */
export function attachmentUrlPath(pagePath: string, filename: string): string {
  return `/${pagePath.split('/').map(encodeURIComponent).join('/')}/a/${encodeURIComponent(filename)}`;
}
