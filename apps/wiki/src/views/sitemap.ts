/**
 * @module `/sitemap.xml` (sitemaps.org 0.9): every page's absolute URL with its last change, and a priority
 * falling with folder depth, the fields An Otter Wiki lists.
 */
import type { PageSummary } from '@wikibot/wiki-core';
import { html, type SafeHtml } from './html.js';
import { absoluteHref, pageHref } from './urls.js';

/** 1.0 for top-level pages, 0.1 less per folder level, never below 0.1. */
function priority(path: string): string {
  const depth = path.split('/').length - 1;
  return Math.max(1 - depth * 0.1, 0.1).toFixed(1);
}

/** The sitemap document; `origin` is the configured public origin. */
export function sitemapXml(options: { origin: string; pages: readonly PageSummary[] }): SafeHtml {
  // The html tag escapes &, <, >, quotes: the same escaping XML text needs.
  const urls = options.pages.map(
    (
      p,
    ) => html`<url><loc>${absoluteHref(options.origin, pageHref(p.path))}</loc><lastmod>${p.updated.slice(0, 10)}</lastmod><priority>${priority(p.path)}</priority></url>
`,
  );
  return html`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls}</urlset>
`;
}
