/**
 * @module A page's blame (An Otter Wiki's `/<Page>/blame`): every line with the commit that last changed it
 * (linked to the commit view), that commit's author and date (linked to the page as of it). A run of lines from one
 * commit names it once, so the table stays small; the page is bounded by wiki-core's blame limits (`MAX_BLAME_LINES`,
 * `MAX_BLAME_CHARS`), well under 1 MB.
 */
import type { Blame, BlameLine } from '@wikibot/wiki-core';
import { commitHref } from './commit.js';
import { html, timeTag, type SafeHtml } from './html.js';
import { layout, type Viewer } from './layout.js';
import { pageHref } from './urls.js';

/** The longest author name and commit summary a row shows (a hostile commit cannot swell the page). */
const MAX_SHOWN = 80;

const clip = (text: string): string => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);

/** The commit cells of the first line of a run: short id (to the commit view), author, date (to the page then). */
function commitCells(blame: Blame, line: BlameLine): SafeHtml {
  const commit = blame.commits[line.revision]!;
  const short = line.revision.slice(0, 8);
  const summary = clip(commit.message.split('\n')[0] ?? '');
  const id = html`<td class="rev"><a href="${commitHref(line.revision)}" title="${summary}">${short}</a></td>`;
  const then = html`<a href="${pageHref(blame.path, `/revision/${line.revision}`)}">${timeTag(commit.date)}</a>`;
  return html`${id}<td>${clip(commit.author.name)}</td><td>${then}</td>`;
}

/** `/<Page>/blame`; `atRevision` when an older revision is blamed. */
export function blamePage(options: { blame: Blame; viewer: Viewer; atRevision?: string }): SafeHtml {
  const { blame, atRevision } = options;
  const rows = blame.lines.map((line, i) => {
    const first = i === 0 || blame.lines[i - 1]!.revision !== line.revision;
    const cells = first ? commitCells(blame, line) : html`<td></td><td></td><td></td>`;
    const text = html`<td class="num">${i + 1}</td><td class="line">${line.text}</td>`;
    return html`<tr${first ? html` class="run"` : ''}>${cells}${text}</tr>`;
  });
  const at = atRevision ? html` at revision <code>${blame.revision.slice(0, 8)}</code>` : '';
  const [history, source] = [pageHref(blame.path, '/history'), pageHref(blame.path, '/source')];
  const links = html`<a href="${history}">History</a> · <a href="${source}">Source</a>`;
  const head = ['Commit', 'Author', 'Date', 'Line', 'Text'].map((name) => html`<th scope="col">${name}</th>`);
  const body = html`<p class="meta">Who last changed each line${at}. ${links}</p>
<div class="scroll" tabindex="0" role="region" aria-label="Blame of ${blame.path}"><table class="list blame">
<thead><tr>${head}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
  return layout({ title: `Blame of ${blame.path}`, viewer: options.viewer, body, page: { path: blame.path } });
}

/** The page shown instead when wiki-core refuses a blame as too large. */
export function blameTooLargePage(options: { path: string; reason: string; viewer: Viewer }): SafeHtml {
  const { path } = options;
  const body = html`<div class="notice warn"><p>${options.reason}.</p>
<p>See the <a href="${pageHref(path, '/source')}">source</a>
or the <a href="${pageHref(path, '/history')}">history</a> instead.</p></div>`;
  return layout({ title: `Blame of ${path}`, viewer: options.viewer, body, page: { path } });
}
