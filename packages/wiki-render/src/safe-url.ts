/**
 * @module Which URLs a rendered page may link to or load. An allowlist of schemes: anything that could
 * run script (`javascript:`, `vbscript:`), smuggle content (`data:`) or reach the reader's disk (`file:`)
 * is refused, however it is spelled (case, whitespace, control characters, entities decoded upstream).
 */

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
const DANGEROUS_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file']);

/**
 * True when a link or image URL is safe to emit: relative (no scheme), or `http`, `https`, `mailto`.
 *
 * @example
 * ```ts
 * isSafeUrl('/Home');                 // true
 * isSafeUrl('JaVa\tScRiPt:alert(1)'); // false
 * ```
 */
export function isSafeUrl(url: string): boolean {
  const scheme = schemeOf(url);
  if (scheme !== undefined) return ALLOWED_SCHEMES.has(scheme);
  if (/^[\\/][\\/]?\\/.test(url.trim()) || url.trim().startsWith('\\')) return false;
  // A percent-encoded scheme is a relative path to a browser; refuse the dangerous ones anyway, in case
  // something downstream decodes before following the link.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return true;
  }
  return !DANGEROUS_SCHEMES.has(schemeOf(decoded) ?? '');
}

function schemeOf(url: string): string | undefined {
  // Browsers ignore ASCII whitespace and control characters inside a scheme; so do we before judging it.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
}
