/**
 * @module Site pages under `/-/`: search results, the index of all pages (grouped by first letter or
 * folder), and the new-page form.
 */
import type { PageSummary, SearchHit } from '@wikibot/wiki-core';
import { highlight, queryWords } from './highlight.js';
import { html, type SafeHtml } from './html.js';
import { pageHref, siteHref } from './urls.js';
import { layout, type Viewer } from './layout.js';
import { searchColumns, type MeaningResults } from './search-by-meaning.js';

/** `/-/search?q=`: keyword matches, and beside them pages related by meaning when semantic search is configured. */
export function searchPage(options: {
  query: string;
  hits: readonly SearchHit[];
  meaning?: MeaningResults | null;
  viewer: Viewer;
  sidebar?: SafeHtml;
}): SafeHtml {
  const { query, hits } = options;
  const results = hits.length
    ? html`<ul class="results">${hits.map(
        (h) =>
          html`<li><a href="${pageHref(h.path)}">${h.title}</a> <span class="meta">${h.path}</span><p class="snippet">${highlight(h.snippet, h.terms ?? queryWords(query))}</p></li>`,
      )}</ul>`
    : query
      ? html`<p>No pages match “${query}”. <a href="${siteHref('create', { name: query })}">Create ${query}</a>?</p>`
      : '';
  const body = html`<form method="get" action="/-/search"><input type="search" name="q" value="${query}" aria-label="Search"> <button type="submit">Search</button></form>${searchColumns(results, options.meaning ?? null)}`;
  const title = query ? `Search: ${query}` : 'Search';
  return layout({ title, viewer: options.viewer, body, sidebar: options.sidebar });
}

function groupKey(page: PageSummary): string {
  const slash = page.path.indexOf('/');
  if (slash > 0) return page.path.slice(0, slash);
  return /[a-z]/i.test(page.path[0] ?? '') ? page.path[0].toUpperCase() : '#';
}

/** `/-/index`: every page, grouped by top-level folder or first letter. */
export function indexPage(options: {
  pages: readonly PageSummary[];
  viewer: Viewer;
  filter?: string;
  sidebar?: SafeHtml;
}): SafeHtml {
  const groups = new Map<string, PageSummary[]>();
  for (const page of [...options.pages].sort((a, b) => a.path.localeCompare(b.path))) {
    const key = groupKey(page);
    groups.set(key, [...(groups.get(key) ?? []), page]);
  }
  const sections = [...groups.entries()].map(
    ([key, pages]) =>
      html`<section class="index-group"><h2>${key}</h2><ul>${pages.map(
        (p) =>
          html`<li><a href="${pageHref(p.path)}">${p.path}</a>${p.title !== p.path.split('/').pop() ? html` <span class="meta">${p.title}</span>` : ''}</li>`,
      )}</ul></section>`,
  );
  const body = html`<p class="meta">${options.pages.length} page${options.pages.length === 1 ? '' : 's'}${options.filter ? html` ${options.filter}` : ''}.</p>${sections}`;
  return layout({ title: 'All pages', viewer: options.viewer, body, sidebar: options.sidebar });
}

/** `/-/create`: asks for a page name, then goes to its edit page. */
export function createPage(options: { viewer: Viewer; error?: string; name?: string }): SafeHtml {
  const body = html`${options.error ? html`<div class="notice warn"><p>${options.error}</p></div>` : ''}
<form method="get" action="/-/create"><label>Page name <input type="text" name="name" value="${options.name ?? ''}" required maxlength="200" placeholder="Folder/Page Name"></label> <button class="primary" type="submit">Create</button></form>
<p class="meta">Use slashes for sub-pages, e.g. <code>Projects/Wikibot</code>.</p>`;
  return layout({ title: 'New page', viewer: options.viewer, body });
}
