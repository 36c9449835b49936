/**
 * @module A page's history and the site changelog: tables of commits, newest first. The history table is
 * a GET form so any two revisions can be compared without script.
 */
import type { Revision } from '@wikibot/wiki-core';
import { html, timeTag, type SafeHtml } from './html.js';
import { commitHref } from './commit.js';
import { pageHref, siteHref } from './urls.js';
import { layout, type Viewer } from './layout.js';

/** The longest commit message a history row shows (200 rows stay far below 1 MB, however long the messages). */
const MAX_SHOWN_MESSAGE = 300;

/** A commit message as a row shows it: at most {@link MAX_SHOWN_MESSAGE} characters. */
function shown(message: string): string {
  return message.length > MAX_SHOWN_MESSAGE ? `${message.slice(0, MAX_SHOWN_MESSAGE)}…` : message;
}

/** A history row's links: the revision's commit and source, and a revert to it unless it is the latest. */
function revisionActions(path: string, revision: string, latest: boolean): SafeHtml {
  const sha = encodeURIComponent(revision);
  const short = revision.slice(0, 8);
  const commit = html`<a href="${commitHref(revision)}" aria-label="Commit ${short}">commit</a>`;
  const source = html`${commit} · <a href="${pageHref(path, `/source?revision=${sha}`)}" aria-label="Source of ${short}">source</a>`;
  return latest
    ? source
    : html`${source} · <a href="${pageHref(path, `/revert/${sha}`)}" aria-label="Revert to ${short}">revert</a>`;
}

/** `/<Page>/history`. */
export function historyPage(options: {
  path: string;
  title: string;
  revisions: readonly Revision[];
  viewer: Viewer;
  sidebar?: SafeHtml;
}): SafeHtml {
  const { path, revisions } = options;
  const rows = revisions.map(
    (r, i) => html`<tr>
<td><input type="radio" name="from" value="${r.revision}" aria-label="from ${r.revision.slice(0, 8)}"${i === 1 ? html` checked` : ''}> <input type="radio" name="to" value="${r.revision}" aria-label="to ${r.revision.slice(0, 8)}"${i === 0 ? html` checked` : ''}></td>
<td class="rev"><a href="${pageHref(path, `/revision/${r.revision}`)}">${r.revision.slice(0, 8)}</a></td>
<td>${timeTag(r.date)}</td><td>${r.author.name}</td><td>${shown(r.message)}</td><td>${revisionActions(path, r.revision, i === 0)}</td></tr>`,
  );
  const body = html`<form method="get" action="${pageHref(path, '/diff')}">
<table class="list"><thead><tr><th>Compare</th><th>Revision</th><th>Date</th><th>Author</th><th>Message</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table>
${revisions.length > 1 ? html`<p><button type="submit">Compare selected revisions</button></p>` : ''}
</form>`;
  return layout({
    title: `History of ${options.title}`,
    viewer: options.viewer,
    body,
    page: { path, tab: 'history' },
    sidebar: options.sidebar,
  });
}

/** One page of the changelog: `revisions` newest first; `parentOfLast` is the commit before the last shown. */
export interface ChangelogPage {
  readonly revisions: readonly Revision[];
  readonly parentOfLast?: string;
  /** 1-based page number. */
  readonly page: number;
  readonly hasOlder: boolean;
}

/**
 * What commit `r` did to each page: the page itself when a page of that name exists now (a row may name a page since
 * deleted or renamed, whose URL would be a 404), and `r`'s diff of it against its parent, which exists either way.
 */
function changedPages(r: Revision, parent: string | undefined, exists: (path: string) => boolean): SafeHtml[] {
  return r.paths.map((p, i) => {
    const diff = parent ? html` (<a href="${pageHref(p, `/diff?from=${parent}&to=${r.revision}`)}">diff</a>)` : '';
    const name = exists(p) ? html`<a href="${pageHref(p)}">${p}</a>` : html`${p}`;
    return html`${i ? ', ' : ''}${name}${diff}`;
  });
}

function pager(page: number, hasOlder: boolean): SafeHtml {
  const at = (n: number) => (n === 1 ? siteHref('changelog') : siteHref('changelog', { page: String(n) }));
  const newer = page > 1 ? html`<a href="${at(page - 1)}" rel="prev">Newer changes</a>` : '';
  const older = hasOlder ? html`<a href="${at(page + 1)}" rel="next">Older changes</a>` : '';
  return newer || older
    ? html`<nav class="pager" aria-label="Changelog pages">${newer}<span>Page ${page}</span>${older}</nav>`
    : html``;
}

/**
 * `/-/changelog[?page=N]`: each commit linked to its commit view (which links each page as of that commit), and to
 * the pages it changed that exist now and their diffs. `exists` tells whether a page of that name exists now.
 */
export function changelogPage(
  options: ChangelogPage & { viewer: Viewer; exists: (path: string) => boolean; sidebar?: SafeHtml },
): SafeHtml {
  const { revisions } = options;
  // The changelog is the first-parent chain, so the next (older) row is each row's parent.
  const parentOf = (i: number) => revisions[i + 1]?.revision ?? options.parentOfLast;
  const rows = revisions.map(
    (
      r,
      i,
    ) => html`<tr><td class="rev"><a href="${commitHref(r.revision)}">${r.revision.slice(0, 8)}</a></td><td>${timeTag(r.date)}</td><td>${r.author.name}</td><td>${shown(r.message)}</td>
<td>${changedPages(r, parentOf(i), options.exists)}</td></tr>`,
  );
  const body = html`<table class="list"><thead><tr><th>Revision</th><th>Date</th><th>Author</th><th>Message</th><th>Pages</th></tr></thead><tbody>${rows}</tbody></table>
${pager(options.page, options.hasOlder)}`;
  const title = options.page > 1 ? `Recent changes, page ${options.page}` : 'Recent changes';
  return layout({ title, viewer: options.viewer, body, sidebar: options.sidebar });
}
