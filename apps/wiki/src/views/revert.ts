/**
 * @module The confirmation of a revert (`/<Page>/revert/<sha>`): which revision, what its text is, and the form that
 * stores that text as a new commit. The form posts the page's current revision, so a change made in between is
 * not overwritten unseen.
 */
import type { Page } from '@wikibot/wiki-core';
import { html, timeTag, type SafeHtml } from './html.js';
import { layout, type Viewer } from './layout.js';
import { pageHref } from './urls.js';

export interface RevertFormOptions {
  /** The page as it was at the revision to go back to. */
  readonly old: Page;
  /** The page's current revision; '' when the page is deleted now (reverting brings it back). */
  readonly currentRevision: string;
  readonly viewer: Viewer;
  /** Why the last attempt was refused. */
  readonly error?: string;
  readonly message?: string;
}

/** The commit message of a revert: the user's words, or a default, naming the revision either way. */
export function revertMessage(path: string, revision: string, message: string | undefined): string {
  const short = revision.slice(0, 8);
  return message ? `${message} (revert to ${short})` : `Revert ${path} to revision ${short}`;
}

/** `/<Page>/revert/<sha>`. */
export function revertForm(options: RevertFormOptions): SafeHtml {
  const { old, currentRevision, viewer } = options;
  const revision = encodeURIComponent(old.revision);
  const error = options.error ? html`<div class="notice warn" role="alert"><p>${options.error}</p></div>` : '';
  const since = currentRevision
    ? html` <a href="${pageHref(old.path, `/diff?from=${revision}`)}">What changed since</a>.`
    : html` The page is deleted now; reverting brings it back.`;
  const body = html`${error}<div class="notice"><p>Revert <strong>${old.path}</strong> to revision
<a href="${pageHref(old.path, `/revision/${revision}`)}"><code>${old.revision.slice(0, 8)}</code></a> of ${timeTag(old.updated)}
by ${old.author.name}? Its text below is saved as a new change; the history keeps every version.${since}</p></div>
<form class="edit" method="post" action="${pageHref(old.path, `/revert/${revision}`)}">
<input type="hidden" name="csrf" value="${viewer.csrfToken ?? ''}">
<input type="hidden" name="base" value="${currentRevision}">
<label>Commit message <input type="text" name="message" value="${options.message ?? ''}" size="60" maxlength="400"
placeholder="${revertMessage(old.path, old.revision, undefined)}"></label>
<p><button class="primary" type="submit">Revert</button> <a href="${pageHref(old.path, '/history')}">Cancel</a></p>
</form>
<h2>Text of revision <code>${old.revision.slice(0, 8)}</code></h2>
<pre class="source" tabindex="0" aria-label="Markdown of revision ${old.revision.slice(0, 8)}">${old.content}</pre>`;
  return layout({ title: `Revert ${old.path}`, viewer, body, page: { path: old.path } });
}
