/**
 * @module Which URLs a rendered page may link to or load. An allowlist of schemes: anything that could
 * run script (`javascript:`, `vbscript:`), smuggle content (`data:`) or reach the reader's disk (`file:`)
 * is refused, however it is spelled (case, whitespace, control characters, entities decoded upstream).
 */

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

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
  // Browsers ignore ASCII whitespace and control characters inside a scheme; so do we before judging it.
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
  // Percent-encoded schemes are not schemes to a browser, but refuse them anyway: nothing legitimate needs one.
  if (/^[a-z0-9+.-]*%/.test(compact) && compact.includes(':')) {
    const beforeColon = compact.slice(0, compact.indexOf(':'));
    if (!beforeColon.includes('/')) return false;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (scheme === undefined) return !compact.startsWith('\\\\') && !compact.startsWith('/\\');
  return ALLOWED_SCHEMES.has(scheme);
}
