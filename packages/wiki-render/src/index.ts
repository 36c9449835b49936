/**
 * @module The wiki's HTML renderer: wiki-core's Markdown grammar plus what a browser needs (task lists, highlighting,
 * safe URLs, heading ids, red links), and the kept renders of pages' current text. Import it lazily (it loads
 * markdown-it); what a view needs first is `@wikibot/wiki-render/kept`.
 */
export { keepCurrentRender, renderCurrent } from './current-render.js';
export { renderKept, renderMarkdown, renderPage, type RenderedPage } from './markdown.js';
export { slugify, type TocEntry } from './headings.js';
export { isSafeUrl } from './safe-url.js';
