/**
 * @module A strict checker for rendered markup: every tag must be one the renderer legitimately emits,
 * no attribute may be an event handler or style, and every URL attribute must be safe. Used to prove that
 * hostile Markdown comes out inert.
 */

const TAGS = new Set([
  'a',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'em',
  'strong',
  's',
  'code',
  'pre',
  'blockquote',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
  'input',
  'span',
  'sup',
  'section',
  'div',
  'label',
]);
const ATTRIBUTES = new Set([
  'href',
  'src',
  'alt',
  'title',
  'class',
  'id',
  'rel',
  'type',
  'checked',
  'disabled',
  'start',
  'aria-hidden',
  'align',
  'colspan',
  'rowspan',
]);

/** Problems found in `markup` (empty when it is inert). */
export function unsafeMarkup(markup: string): string[] {
  const problems: string[] = [];
  for (const tag of markup.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const name = tag[1].toLowerCase();
    if (!TAGS.has(name)) problems.push(`tag <${name}>`);
    for (const attr of tag[2].matchAll(/([^\s=/"']+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const attrName = attr[1].toLowerCase();
      const value = (attr[3] ?? attr[4] ?? attr[5] ?? '')
        .replace(/&#(x[0-9a-f]+|\d+);?/gi, (_, code: string) =>
          String.fromCodePoint(code[0] === 'x' ? parseInt(code.slice(1), 16) : Number(code)),
        )
        .replace(/&colon;/gi, ':');
      if (!ATTRIBUTES.has(attrName)) problems.push(`attribute ${attrName} on <${name}>`);
      // Browsers strip control characters and spaces inside a scheme, so they are stripped before judging it.
      if (
        (attrName === 'href' || attrName === 'src') &&
        /^\s*(javascript|vbscript|data|file):/i.test(value.replace(/[\u0000-\u0020]/g, ''))
      ) {
        problems.push(`${attrName}="${value}"`);
      }
    }
  }
  return problems;
}
