/**
 * @module The rename form and the delete confirmation (An Otter Wiki's `/<Page>/rename` and `/<Page>/delete`).
 * Both post the revision they were shown, so a page changed in between is not renamed or deleted unseen.
 */
import { html, type SafeHtml } from './html.js';
import { layout, type Viewer } from './layout.js';
import { pageHref } from './urls.js';

interface MoveFormOptions {
  readonly path: string;
  /** The revision the form was shown at. */
  readonly revision: string;
  readonly viewer: Viewer;
  /** Why the last attempt was refused, shown above the form. */
  readonly error?: string;
  readonly message?: string;
}

function refusal(error: string | undefined): SafeHtml | string {
  return error ? html`<div class="notice warn" role="alert"><p>${error}</p></div>` : '';
}

function hiddenFields(options: MoveFormOptions): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${options.viewer.csrfToken ?? ''}">
<input type="hidden" name="base" value="${options.revision}">`;
}

/** `/<Page>/rename`: the new name, a commit message, and what happens to links. */
export function renameForm(options: MoveFormOptions & { readonly newName?: string }): SafeHtml {
  const { path } = options;
  const body = html`${refusal(options.error)}<form class="edit" method="post" action="${pageHref(path, '/rename')}">
${hiddenFields(options)}
<label>New name <input type="text" name="new_pagename" value="${options.newName ?? path}" size="60" required></label>
<label>Commit message <input type="text" name="message" value="${options.message ?? ''}" size="60" maxlength="500" placeholder="Rename ${path}"></label>
<p class="meta">Links to this page from other pages ([[${path}]]) are changed to the new name in the same commit.</p>
<p><button class="primary" type="submit">Rename</button> <a href="${pageHref(path)}">Cancel</a></p>
</form>`;
  return layout({ title: `Rename ${path}`, viewer: options.viewer, body, page: { path } });
}

/** `/<Page>/delete`: what deleting removes, and the confirming button. */
export function deleteForm(options: MoveFormOptions): SafeHtml {
  const { path } = options;
  const body = html`${refusal(options.error)}<div class="notice warn"><p>Delete <strong>${path}</strong> and its attachments?
The page disappears from the wiki; its history stays in the repository.</p></div>
<form class="edit" method="post" action="${pageHref(path, '/delete')}">
${hiddenFields(options)}
<label>Commit message <input type="text" name="message" value="${options.message ?? ''}" size="60" maxlength="500" placeholder="Delete ${path}"></label>
<p><button class="primary" type="submit">Delete ${path}</button> <a href="${pageHref(path)}">Cancel</a></p>
</form>`;
  return layout({ title: `Delete ${path}`, viewer: options.viewer, body, page: { path } });
}
