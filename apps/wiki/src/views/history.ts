/**
 * @module A page's history and the site changelog: tables of commits, newest first. The history table is
 * a GET form so any two revisions can be compared without script.
 */
import type { Revision } from '@wikibot/wiki-core';
import { html, timeTag, type SafeHtml } from './html.js';
import { pageHref } from './urls.js';
import { layout, type Viewer } from './layout.js';

/** The longest commit message a history row shows (200 rows stay far below 1 MB, however long the messages). */
const MAX_SHOWN_MESSAGE = 300;

/** A commit message as a row shows it: at most {@link MAX_SHOWN_MESSAGE} characters. */
function shown(message: string): string {
  return message.length > MAX_SHOWN_MESSAGE ? `${message.slice(0, MAX_SHOWN_MESSAGE)}…` : message;
}

/** `/<Page>/history`. */
export function historyPage(options: { path: string; title: string; revisions: readonly Revision[]; viewer: Viewer }): SafeHtml {
  const { path, revisions } = options;
  const rows = revisions.map(
    (r, i) => html`<tr>
<td><input type="radio" name="from" value="${r.revision}" aria-label="from"${i === 1 ? html` checked` : ''}> <input type="radio" name="to" value="${r.revision}" aria-label="to"${i === 0 ? html` checked` : ''}></td>
<td class="rev"><a href="${pageHref(path, `/revision/${r.revision}`)}">${r.revision.slice(0, 8)}</a></td>
<td>${timeTag(r.date)}</td><td>${r.author.name}</td><td>${shown(r.message)}</td></tr>`,
  );
  const body = html`<form method="get" action="${pageHref(path, '/diff')}">
<table class="list"><thead><tr><th>Compare</th><th>Revision</th><th>Date</th><th>Author</th><th>Message</th></tr></thead><tbody>${rows}</tbody></table>
${revisions.length > 1 ? html`<p><button type="submit">Compare selected revisions</button></p>` : ''}
</form>`;
  return layout({ title: `History of ${options.title}`, viewer: options.viewer, body, page: { path, tab: 'history' } });
}

/** `/-/changelog`. */
export function changelogPage(options: { revisions: readonly Revision[]; viewer: Viewer }): SafeHtml {
  const rows = options.revisions.map(
    (r) => html`<tr><td class="rev">${r.revision.slice(0, 8)}</td><td>${timeTag(r.date)}</td><td>${r.author.name}</td><td>${shown(r.message)}</td>
<td>${r.paths.map((p, i) => html`${i ? ', ' : ''}<a href="${pageHref(p)}">${p}</a>`)}</td></tr>`,
  );
  const body = html`<table class="list"><thead><tr><th>Revision</th><th>Date</th><th>Author</th><th>Message</th><th>Pages</th></tr></thead><tbody>${rows}</tbody></table>`;
  return layout({ title: 'Recent changes', viewer: options.viewer, body });
}
