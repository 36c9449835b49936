/**
 * @module Commit messages and identities: sanitised so `git fsck --strict` accepts them, with git trailers.
 * Every wikibot commit carries `Wiki-Page: <name as given>` trailers for people reading `git log`; nothing reads
 * them back (names are derived from file names, see page-names.ts), so no commit message can change a page.
 */
import type { Author } from './types.js';

/** The trailer naming each page a commit writes, as the caller spelt it. */
export const PAGE_TRAILER = 'Wiki-Page';

/** An author safe for a git ident: no angle brackets, newlines or NUL; a name is always present. */
export function sanitizeAuthor(author: Author): Author {
  const clean = (s: unknown): string =>
    String(s ?? '')
      .replace(/[<>\u0000-\u001f\u007f]/g, '')
      .trim();
  return { name: clean(author?.name) || 'Anonymous', email: clean(author?.email) };
}

/** The full commit message: the caller's text (or `fallback`), a blank line, then the trailers. */
export function buildMessage(
  message: string | undefined,
  fallback: string,
  trailers: Readonly<Record<string, string>> | undefined,
  pages: readonly string[],
): string {
  const text =
    (message ?? '')
      .replace(/\u0000/g, '')
      .replace(/\r\n?/g, '\n')
      .trim() || fallback;
  const lines = Object.entries(trailers ?? {})
    .map(([key, value]) => [
      key.replace(/[^A-Za-z0-9-]/g, ''),
      String(value)
        .replace(/[\u0000-\u001f]+/g, ' ')
        .trim(),
    ])
    .filter(([key, value]) => key !== '' && value !== '' && key!.toLowerCase() !== PAGE_TRAILER.toLowerCase())
    .map(([key, value]) => `${key}: ${value}`);
  lines.push(...pages.map((p) => `${PAGE_TRAILER}: ${p}`));
  return `${text}\n\n${lines.join('\n')}\n`;
}

/**
 * The message split at its last paragraph: git's trailer block. wikibot always ends a message with its own
 * block, so a `Wiki-Page:` line anywhere in the caller's text (which comes before it) is never read as a trailer.
 */
function splitTrailerBlock(message: string): { text: string; block: string[] } {
  const trimmed = message.replace(/\s+$/, '');
  const at = trimmed.lastIndexOf('\n\n');
  return { text: at < 0 ? '' : trimmed.slice(0, at), block: trimmed.slice(at < 0 ? 0 : at + 2).split('\n') };
}

/** The message as people should see it: without wikibot's own `Wiki-Page` trailers. */
export function displayMessage(message: string): string {
  const prefix = `${PAGE_TRAILER}: `;
  const { text, block } = splitTrailerBlock(message);
  const kept = block.filter((line) => !line.startsWith(prefix));
  return (kept.length === 0 ? text : `${text}\n\n${kept.join('\n')}`).trim();
}
