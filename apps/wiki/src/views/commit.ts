/**
 * @module `/-/commit/<sha>`: one commit (An Otter Wiki's commit view) — message, author, date, parent, and every file
 * it changed with that file's diff. Each page links to what exists: the page as of this commit, or, for a page this
 * commit removed (deleted, or renamed away), its last version, in the parent.
 */
import type { CommitDetails, CommitFile } from '@wikibot/wiki-core';
import { diffBlock } from './diff.js';
import { html, timeTag, type SafeHtml } from './html.js';
import { encodeSegment, pageHref, siteHref } from './urls.js';
import { layout, type Viewer } from './layout.js';

/** The commit view's URL. */
export function commitHref(revision: string): string {
  return `${siteHref('commit')}/${encodeSegment(revision)}`;
}

const CHANGE_LABEL: Record<CommitFile['change'], string> = { added: 'added', modified: 'changed', deleted: 'removed' };

/** Where a changed page can be read: as of this commit, or (removed here) as of the parent. */
function pageLink(details: CommitDetails, file: CommitFile): SafeHtml {
  const at = file.change === 'deleted' ? details.parent : details.revision;
  if (file.page === undefined || at === null) return html`${file.file}`;
  const label = file.change === 'deleted' ? 'last version' : 'page at this commit';
  return html`${file.page} <span class="meta">(<a href="${pageHref(file.page, `/revision/${at}`)}">${label}</a>)</span>`;
}

/** A file's diff, or why there is none and where to see it. */
function fileDiff(details: CommitDetails, file: CommitFile): SafeHtml {
  if (file.diff !== null) return diffBlock(file.diff);
  if (file.page === undefined) return html`<p class="meta">An attachment: no text diff.</p>`;
  if (details.parent === null) return diffBlock(null);
  const href = pageHref(file.page, `/diff?from=${details.parent}&to=${details.revision}`);
  return html`<p class="meta">This diff is not shown here (too large, or beyond what one commit view shows);
<a href="${href}">open the diff of ${file.page} on its own</a>.</p>`;
}

/** The most bytes of files (list entries and sections) one commit view renders; the page stays under 1 MB. */
const FILES_BUDGET = 900_000;
/** The longest commit message shown in full (a message from another git tool can be any length). */
const MAX_SHOWN_MESSAGE = 20_000;

const bytes = (markup: SafeHtml): number => Buffer.byteLength(markup.value);

/**
 * The list of changed files and a section per file, within {@link FILES_BUDGET}: a diff that does not fit is
 * replaced by a link to it, and once even that does not fit the remaining files are only counted.
 */
function fileParts(details: CommitDetails): { list: SafeHtml[]; sections: SafeHtml[]; unlisted: number } {
  const list: SafeHtml[] = [];
  const sections: SafeHtml[] = [];
  let left = FILES_BUDGET;
  for (const [i, f] of details.files.entries()) {
    const id = `file-${i + 1}`;
    const item = html`<li><a href="#${id}">${f.file}</a> <span class="meta">${CHANGE_LABEL[f.change]}</span></li>`;
    const section = (diff: SafeHtml) => html`<section class="commit-file" id="${id}" aria-labelledby="${id}-name">
<h2 id="${id}-name">${pageLink(details, f)} <span class="meta">${CHANGE_LABEL[f.change]}</span></h2>
${diff}</section>`;
    let shown = section(fileDiff(details, f));
    if (bytes(item) + bytes(shown) > left) shown = section(fileDiff(details, { ...f, diff: null }));
    if (bytes(item) + bytes(shown) > left) break;
    left -= bytes(item) + bytes(shown);
    list.push(item);
    sections.push(shown);
  }
  return { list, sections, unlisted: details.files.length - list.length + details.filesOmitted };
}

/** `/-/commit/<sha>`. */
export function commitPage(options: { details: CommitDetails; viewer: Viewer }): SafeHtml {
  const { details } = options;
  const short = details.revision.slice(0, 8);
  const parent = details.parent
    ? html`<a href="${commitHref(details.parent)}"><code>${details.parent.slice(0, 8)}</code></a>`
    : html`none (the first commit)`;
  const { list, sections, unlisted } = fileParts(details);
  const total = details.files.length + details.filesOmitted;
  const message =
    details.message.length > MAX_SHOWN_MESSAGE ? `${details.message.slice(0, MAX_SHOWN_MESSAGE)}…` : details.message;
  const body = html`<pre class="commit-message">${message}</pre>
<dl class="commit-meta"><dt>Author</dt><dd>${details.author.name}</dd><dt>Date</dt><dd>${timeTag(details.date)}</dd>
<dt>Commit</dt><dd><code>${details.revision}</code></dd><dt>Parent</dt><dd>${parent}</dd></dl>
<h2>${total} changed file${total === 1 ? '' : 's'}</h2>
<ul class="commit-files">${list}</ul>${unlisted ? html`<p class="meta">${unlisted} more changed files are not listed.</p>` : ''}
${sections}`;
  return layout({ title: `Commit ${short}`, viewer: options.viewer, body });
}
