/**
 * @module The sidebar's page tree (An Otter Wiki's "Page Index"), built so that it costs little at 10,000 pages:
 * only the top level and the branches leading to the current page are rendered, each level at most
 * {@link MAX_LEVEL_ENTRIES} entries (a window around the current branch, with links to the full listing). Every
 * folder is a `<details>`: the open ones hold their entries, a closed one a link to the index of its pages, which
 * `nav.js` swaps for the folder's entries from `/-/tree?path=` when it is opened. Without script the tree still
 * opens and closes, and every entry is a link.
 */
import type { PageTreeEntry } from '@wikibot/wiki-core';
import { html, type SafeHtml } from './html.js';
import { pageHref, siteHref } from './urls.js';

/** The most entries one level of the tree shows. */
export const MAX_LEVEL_ENTRIES = 100;

/** Tree levels by folder: the folder's lower-cased path ('' for the top) → its entries. */
export type TreeLevels = ReadonlyMap<string, readonly PageTreeEntry[]>;

/** Where to see every page under `folder`: the index, filtered to the folder (its URL may be a page of its own). */
function listingHref(folder: string): string {
  return folder === '' ? siteHref('index') : siteHref('index', { prefix: `${folder}/` });
}

/** At most {@link MAX_LEVEL_ENTRIES} of `entries`, centred on `focus` when it is past the first window. */
function windowOf(entries: readonly PageTreeEntry[], focus: number): { from: number; to: number } {
  if (entries.length <= MAX_LEVEL_ENTRIES) return { from: 0, to: entries.length };
  const from = Math.max(0, Math.min(focus - MAX_LEVEL_ENTRIES / 2, entries.length - MAX_LEVEL_ENTRIES));
  return { from, to: from + MAX_LEVEL_ENTRIES };
}

/** A closed folder's content until it is opened: a link to its listing (what `nav.js` replaces). */
function unloaded(entry: PageTreeEntry): SafeHtml {
  return html`<ul><li><a href="${listingHref(entry.path)}">All pages under ${entry.name}</a></li></ul>`;
}

/** One level: `folder`'s entries, with the branch towards `current` (lower-cased) opened from `levels`. */
function level(folder: string, levels: TreeLevels, current: string): SafeHtml {
  const entries = levels.get(folder.toLowerCase()) ?? [];
  const onPath = (e: PageTreeEntry) =>
    current === e.path.toLowerCase() || current.startsWith(`${e.path.toLowerCase()}/`);
  const { from, to } = windowOf(entries, entries.findIndex(onPath));
  const more = (n: number, where: string) =>
    n > 0 ? html`<li class="more"><a href="${listingHref(folder)}">${n} more ${where}</a></li>` : '';
  const items = entries.slice(from, to).map((e) => {
    const self = current === e.path.toLowerCase();
    const link = html`<a href="${pageHref(e.path)}"${self ? html` aria-current="page"` : ''}>${e.name}</a>`;
    if (!e.folder) return html`<li>${link}</li>`;
    const open = onPath(e) && levels.has(e.path.toLowerCase());
    const inside = open ? level(e.path, levels, current) : unloaded(e);
    return html`<li>${link}<details data-tree="${e.path}"${open ? html` open` : ''}><summary><span class="sr-only">Pages under ${e.name}</span></summary>${inside}</details></li>`;
  });
  return html`<ul>${more(from, 'before')}${items}${more(entries.length - to, 'after')}</ul>`;
}

/** The sidebar's page tree for the page (or folder) at `current`; `levels` holds the top and its branch. */
export function pageTreeNav(current: string, levels: TreeLevels): SafeHtml {
  return html`<nav class="tree" aria-label="Pages"><details class="panel" open><summary>Pages</summary>${level('', levels, current.toLowerCase())}</details></nav>`;
}

/** `/-/tree?path=`: one folder's entries, as `nav.js` inserts them into the opened `<details>`. */
export function treeFragment(folder: string, entries: readonly PageTreeEntry[]): SafeHtml {
  return level(folder, new Map([[folder.toLowerCase(), entries]]), '');
}
