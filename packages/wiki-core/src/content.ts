/**
 * @module Content validation: size limit and text sanity, checked before anything touches the repository.
 */
import { ContentTooLargeError, EditMatchError, InvalidArgumentError, InvalidContentError } from './errors.js';

/** The largest page, in UTF-8 bytes (1 MB). */
export const MAX_PAGE_BYTES = 1_048_576;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Checks page content and returns its UTF-8 bytes.
 * @throws ContentTooLargeError over {@link MAX_PAGE_BYTES}; InvalidContentError for NUL bytes or lone surrogates.
 */
export function validateContent(content: string): Buffer {
  if (typeof content !== 'string') throw new InvalidContentError('Content must be a string');
  // Cheap upper bound first so a huge string is refused before it is encoded.
  if (content.length > MAX_PAGE_BYTES) throw new ContentTooLargeError(Buffer.byteLength(content), MAX_PAGE_BYTES);
  if (content.includes('\u0000')) throw new InvalidContentError('Content contains a NUL byte');
  if (LONE_SURROGATE.test(content)) throw new InvalidContentError('Content is not valid Unicode text (lone surrogate)');
  const bytes = Buffer.from(content, 'utf8');
  if (bytes.length > MAX_PAGE_BYTES) throw new ContentTooLargeError(bytes.length, MAX_PAGE_BYTES);
  return bytes;
}

/**
 * Checks an edit's two texts before the write lock is taken.
 * @throws EditMatchError for an empty text to replace; InvalidArgumentError when nothing would change.
 */
export function validateEdit(oldText: string, newText: string): void {
  if (typeof oldText !== 'string' || oldText === '') throw new EditMatchError('The text to replace is empty', 0);
  if (oldText === newText)
    throw new InvalidArgumentError('The replacement is identical to the text it replaces; nothing to edit');
  validateContent(newText);
}
