/**
 * @module The edit form, and the conflict page shown when someone else saved the page first.
 * The form carries the revision it was based on, so a save over a newer revision is refused, not lost.
 */
import { EDITOR_JS_URL } from '../static/asset-urls.js';
import { html, type SafeHtml } from './html.js';
import { pageHref } from './urls.js';
import { layout, type Viewer } from './layout.js';
import { diffBlock } from './diff.js';

export interface EditFormOptions {
  readonly path: string;
  readonly title: string;
  readonly content: string;
  /** Revision the text is based on; '' for a new page. */
  readonly baseRevision: string;
  readonly message?: string;
  readonly viewer: Viewer;
  /** The sidebar (page tree), as beside the page's view. */
  readonly sidebar?: SafeHtml;
}

function editForm(options: EditFormOptions): SafeHtml {
  const { path, content, baseRevision, message, viewer } = options;
  // data-preview and data-page are read by the editor script (live preview); the form works without it.
  return html`<form class="edit" method="post" action="${pageHref(path, '/save')}" data-preview="/-/preview" data-page="${path}">
<input type="hidden" name="csrf" value="${viewer.csrfToken ?? ''}">
<input type="hidden" name="base" value="${baseRevision}">
<label for="content" class="meta">Markdown. Link pages with [[Page]] or [[Label|Page]].</label>
<textarea class="source" id="content" name="content" spellcheck="true">${content}</textarea>
<label>Commit message <input type="text" name="message" value="${message ?? ''}" size="60" maxlength="500" placeholder="${baseRevision ? `Update ${path}` : `Create ${path}`}"></label>
<p><button class="primary" type="submit" aria-keyshortcuts="Control+S Meta+S">Save</button> <a href="${pageHref(path)}">Cancel</a></p>
</form>
<script src="${EDITOR_JS_URL}" defer></script>`;
}

/** The edit page (`/<Page>/edit`). */
export function editPage(options: EditFormOptions): SafeHtml {
  const intro = options.baseRevision
    ? ''
    : html`<p class="notice">This page does not exist yet; saving creates it.</p>`;
  return layout({
    title: options.baseRevision ? `Editing ${options.title}` : `Creating ${options.path}`,
    viewer: options.viewer,
    body: html`${intro}${editForm(options)}`,
    page: { path: options.path, tab: 'edit' },
    sidebar: options.sidebar,
  });
}

/** The 409 page: what changed since the editor's base revision, and their text kept for another try. */
export function conflictPage(options: EditFormOptions & { currentRevision: string; diff: string | null }): SafeHtml {
  const { path, currentRevision, diff } = options;
  const body = html`<div class="notice warn"><p><strong>Someone else changed this page while you were editing it.</strong>
Your text was not saved. Below is what changed since the version you started from, then your text.
Merge your changes into it and save again, or <a href="${pageHref(path)}">see the latest version</a>.</p></div>
<h2>Changes since your version</h2>${diffBlock(diff)}
<h2>Your text</h2>
${editForm({ ...options, baseRevision: currentRevision })}`;
  return layout({
    title: `Edit conflict on ${options.title}`,
    viewer: options.viewer,
    body,
    page: { path, tab: 'edit' },
    sidebar: options.sidebar,
  });
}
