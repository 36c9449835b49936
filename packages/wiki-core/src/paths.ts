/**
 * @module Page paths: validation, canonical form and the Otterwiki file layout (`Foo/Bar Baz` ↔ `foo/bar baz.md`).
 */
import { InvalidPathError } from './errors.js';

/** Longest page path segment, in characters (its UTF-8 form must also fit a file name). */
export const MAX_SEGMENT_CHARS = 200;
/** Longest page path, in characters. */
export const MAX_PATH_CHARS = 1000;
const MAX_SEGMENT_BYTES = 250;

// C0 controls, DEL and C1 controls; NUL is among them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Letters spelt in both cases, not the `i` flag: compiling a case-insensitive class or letter makes V8 set up ICU's
// case-closure data (~1 M instructions at a cold page view, which passes every name through here); the same matches.
const MD_SUFFIX = /\.[Mm][Dd]$/;
const GIT_SHORT_NAME = /^[Gg][Ii][Tt]~\d+$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Validates a page path and returns its canonical form, the ONE normalisation of page names (MCP, REST and the
 * browser all pass through it): Unicode NFC, the whole name trimmed, empty segments (`//`, a trailing `/`)
 * dropped, one trailing `.md` dropped (callers may pass a file name). Spaces inside the name, also around `/`,
 * are kept, as Otterwiki keeps them. Casing is kept (lookup is case-insensitive elsewhere).
 * Idempotent: `normalizePagePath(normalizePagePath(p)) === normalizePagePath(p)`, so every later step (file
 * name, existence and conflict checks) sees the same name. A name still ending in `.md` after dropping one
 * suffix (`X.md.md`) is refused rather than shortened again, which would make it another page's name.
 * @throws InvalidPathError with a message saying what is wrong.
 * @example normalizePagePath('  Foo//Bar Baz.md ') // 'Foo/Bar Baz'
 */
export function normalizePagePath(path: string): string {
  if (typeof path !== 'string') throw new InvalidPathError('Page path must be a string');
  if (path.includes('\u0000')) throw new InvalidPathError('Page path contains a NUL byte');
  if (CONTROL.test(path)) throw new InvalidPathError('Page path contains a control character (e.g. a newline or tab)');
  if (LONE_SURROGATE.test(path)) throw new InvalidPathError('Page path is not valid Unicode');
  if (path.includes('\\')) throw new InvalidPathError('Page path contains a backslash; use "/" between segments');
  const trimmed = path.normalize('NFC').trim();
  if (trimmed === '') throw new InvalidPathError('Page path is empty');
  if (trimmed.startsWith('/') || /^[A-Za-z]:/.test(trimmed)) {
    throw new InvalidPathError(`Page path "${abbreviate(trimmed)}" is absolute; give it relative to the wiki root`);
  }
  const segments = trimmed.split('/').filter((s) => s !== '');
  const last = segments.length - 1;
  // The name ends at its last segment, not at a trailing "/": trim there too, also after dropping `.md`.
  if (last >= 0) segments[last] = segments[last]!.replace(MD_SUFFIX, '').trimEnd();
  if (segments.length === 0 || segments[last] === '') throw new InvalidPathError('Page path is empty');
  segments.forEach((segment) => checkSegment(segment));
  const canonical = segments.join('/');
  if (canonical.length > MAX_PATH_CHARS) {
    throw new InvalidPathError(`Page path is ${canonical.length} characters long; the limit is ${MAX_PATH_CHARS}`);
  }
  return canonical;
}

function checkSegment(segment: string): void {
  if (segment.trim() === '') throw new InvalidPathError('Page path has a segment of only spaces');
  if (segment === '..' || segment === '.') {
    throw new InvalidPathError(`Page path may not contain "${segment}" segments`);
  }
  // `git~1` is .git's NTFS short name; git fsck --strict refuses trees containing it.
  if (segment.toLowerCase() === '.git' || GIT_SHORT_NAME.test(segment)) {
    throw new InvalidPathError('Page path may not name the .git directory');
  }
  if (segment.startsWith('.'))
    throw new InvalidPathError(`Page path segment "${abbreviate(segment)}" may not start with "."`);
  if (segment.length > MAX_SEGMENT_CHARS || Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) {
    throw new InvalidPathError(
      `Page path segment "${abbreviate(segment)}" is too long (limit ` +
        `${MAX_SEGMENT_CHARS} characters / ${MAX_SEGMENT_BYTES} bytes)`,
    );
  }
  // A directory named "x.md" would collide with the file of page "x"; a page "x.md" would be page "x" once
  // normalised again.
  if (MD_SUFFIX.test(segment)) {
    throw new InvalidPathError(`Page path segment "${abbreviate(segment)}" may not end with ".md"`);
  }
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The case-insensitive identity of a page: its normalised, lower-cased path. */
export function pageKey(path: string): string {
  return normalizePagePath(path).toLowerCase();
}

/**
 * The page key of a Markdown file path (`Foo/Bar Baz.md` → `foo/bar baz`), or null when it is no page file.
 * NFC like {@link pageKey}, so a file another tool wrote in NFD (macOS) is found under its NFC name.
 */
export function fileToKey(file: string): string | null {
  return file.endsWith('.md') && file.length > 3 ? file.slice(0, -3).normalize('NFC').toLowerCase() : null;
}

/** The attachment directory of a page file (`foo/bar.md` → `foo/bar/`): Otterwiki keeps attachments there. */
export function attachmentDir(file: string): string {
  return `${file.slice(0, -3)}/`;
}

/**
 * True when `file` is an attachment of the page whose file is `pageFile` (directly inside its directory, not a page).
 */
export function isAttachmentOf(file: string, pageFile: string): boolean {
  const dir = attachmentDir(pageFile);
  return file.startsWith(dir) && !file.slice(dir.length).includes('/') && !file.endsWith('.md');
}
