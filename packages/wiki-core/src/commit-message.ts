/**
 * @module Commit messages and identities: sanitised so `git fsck --strict` accepts them, with the caller's git
 * trailers. wikibot no longer writes `Wiki-Page: <name>` trailers: names come from file names (page-names.ts), the
 * subject and the commit's tree already say which pages changed, and An Otter Wiki showed the trailers as part of
 * every message. Commits from earlier versions still carry them; they are hidden when shown and never read.
 */
import type { Author } from './types.js';

/** The trailer earlier wikibot versions wrote for each page a commit changed; a caller may not write it. */
export const PAGE_TRAILER = 'Wiki-Page';

/** An author safe for a git ident: no angle brackets, newlines or NUL; a name is always present. */
export function sanitizeAuthor(author: Author): Author {
  const clean = (s: unknown): string =>
    String(s ?? '')
      .replace(/[<>\u0000-\u001f\u007f]/g, '')
      .trim();
  return { name: clean(author?.name) || 'Anonymous', email: clean(author?.email) };
}

/** The full commit message: the caller's text (or `fallback`), then, after a blank line, the trailers if any. */
export function buildMessage(
  message: string | undefined,
  fallback: string,
  trailers: Readonly<Record<string, string>> | undefined,
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
  return lines.length === 0 ? `${text}\n` : `${text}\n\n${lines.join('\n')}\n`;
}

/** The message split at its last paragraph: git's trailer block (none when the message is one paragraph). */
function splitTrailerBlock(message: string): { text: string; block: string[] } {
  const trimmed = message.replace(/\s+$/, '');
  const at = trimmed.lastIndexOf('\n\n');
  return at < 0
    ? { text: trimmed, block: [] }
    : { text: trimmed.slice(0, at), block: trimmed.slice(at + 2).split('\n') };
}

/** The message as people should see it: without the `Wiki-Page` trailers earlier wikibot versions wrote. */
export function displayMessage(message: string): string {
  const prefix = `${PAGE_TRAILER}: `;
  const { text, block } = splitTrailerBlock(message);
  const kept = block.filter((line) => !line.startsWith(prefix));
  return (kept.length === 0 ? text : `${text}\n\n${kept.join('\n')}`).trim();
}
