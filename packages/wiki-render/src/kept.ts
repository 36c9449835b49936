/**
 * @module What a page view needs before it knows whether to render: the kept render, which link targets exist, a
 * wiki whose writes keep renders, and pages' URLs. Cheap to import; the renderer itself is `@wikibot/wiki-render`,
 * imported only when a page must be rendered.
 */
export { existingPages, type ExistingPages } from './existing-pages.js';
export { keepingRenders } from './keeping-renders.js';
export { encodeSegment, pageHref } from './page-urls.js';
export { keptRender, type CheckedRender, type RenderedSource } from './render-cache.js';
