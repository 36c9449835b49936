/**
 * @module The content hash a static asset is linked and cached by: pages ask for `<url>?v=<hash>`, the response
 * is cached for a year, and a deployment that changes the asset changes the URL.
 */
import { createHash } from 'node:crypto';

/** The first 12 hex digits of the SHA-256 of `text`. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
