/**
 * @module A page's attachments (An Otter Wiki's `/<Page>/attachments`): the files with name, size, type and date,
 * an upload form that works without script (`multipart/form-data`; `upload-check.js` only refuses early what Lambda
 * could not carry), and per file a link to its delete
 * confirmation (`/<Page>/attachment/<file>`).
 */
import { attachmentUrlPath, type Attachment } from '@wikibot/wiki-core';
import { UPLOAD_CHECK_JS_URL } from '../static/asset-urls.js';
import { html, timeTag, type SafeHtml } from './html.js';
import { layout, type Viewer } from './layout.js';
import { loginHref, pageHref } from './urls.js';

/** A byte count for people: `812 B`, `12.3 KiB`, `4.0 MiB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** What the upload form says about the limit, and why it is what it is. */
export function uploadLimitNote(limitBytes: number): string {
  return `Up to ${formatSize(limitBytes)} per upload: the wiki runs on AWS Lambda, whose requests carry at most 6 MB.`;
}

function rows(path: string, files: readonly Attachment[], canEdit: boolean): SafeHtml {
  if (files.length === 0) return html`<p class="meta">This page has no attachments yet.</p>`;
  const remove = (f: Attachment) => {
    const href = pageHref(path, `/attachment/${encodeURIComponent(f.filename)}`);
    return html`<td><a href="${href}" aria-label="Delete ${f.filename}">delete</a></td>`;
  };
  const row = (f: Attachment) => html`<tr><td><a href="${attachmentUrlPath(path, f.filename)}">${f.filename}</a></td>
<td>${formatSize(f.size)}</td><td>${f.mimeType}</td><td>${f.updated ? timeTag(f.updated) : ''}</td>
${canEdit ? remove(f) : ''}</tr>`;
  const names = ['Name', 'Size', 'Type', 'Changed', ...(canEdit ? ['Actions'] : [])];
  const head = names.map((name) => html`<th scope="col">${name}</th>`);
  return html`<table class="list"><thead><tr>${head}</tr></thead><tbody>${files.map(row)}</tbody></table>`;
}

function uploadForm(path: string, viewer: Viewer, limitBytes: number, message?: string): SafeHtml {
  if (!viewer.canEdit) {
    const here = pageHref(path, '/attachments');
    return viewer.user || !viewer.signInAvailable
      ? html``
      : html`<p class="meta"><a href="${loginHref(here)}">Sign in</a> to upload files.</p>`;
  }
  const action = pageHref(path, '/attachments');
  return html`<p id="upload-refusal" class="notice warn" role="alert" hidden></p>
<form class="upload" method="post" action="${action}" enctype="multipart/form-data" data-max-bytes="${limitBytes}">
<input type="hidden" name="csrf" value="${viewer.csrfToken ?? ''}">
<label>Files <input type="file" name="file" multiple required></label>
<label>Commit message <input type="text" name="message" value="${message ?? ''}" size="40" maxlength="500"
placeholder="Attach files to ${path}"></label>
<button class="primary" type="submit">Upload</button>
<p class="meta">${uploadLimitNote(limitBytes)} A file of the same name is replaced.</p>
</form>
<script src="${UPLOAD_CHECK_JS_URL}" defer></script>`;
}

/** `/<Page>/attachments`; `error` (with the form's `message`) when an upload was refused. */
export function attachmentsPage(options: {
  path: string;
  files: readonly Attachment[];
  viewer: Viewer;
  limitBytes: number;
  error?: string;
  message?: string;
}): SafeHtml {
  const { path, viewer } = options;
  const refusal = options.error ? html`<div class="notice warn" role="alert"><p>${options.error}</p></div>` : '';
  const body = html`${refusal}${uploadForm(path, viewer, options.limitBytes, options.message)}
<h2>Files</h2>
${rows(path, options.files, viewer.canEdit)}`;
  return layout({ title: `Attachments of ${path}`, viewer, body, page: { path } });
}

/** `/<Page>/attachment/<file>`: the file's details and the confirming delete button. */
export function deleteAttachmentForm(options: {
  path: string;
  file: Attachment;
  viewer: Viewer;
  message?: string;
}): SafeHtml {
  const { path, file, viewer } = options;
  const back = pageHref(path, '/attachments');
  const link = html`<a href="${attachmentUrlPath(path, file.filename)}">${file.filename}</a>`;
  const action = pageHref(path, `/attachment/${encodeURIComponent(file.filename)}`);
  const what = `${formatSize(file.size)}, ${file.mimeType}`;
  const body = html`<div class="notice warn"><p>Delete ${link} (${what}) from ${path}?
Pages that show or link it will no longer find it; its history stays in the repository.</p></div>
<form class="edit" method="post" action="${action}">
<input type="hidden" name="csrf" value="${viewer.csrfToken ?? ''}">
<label>Commit message <input type="text" name="message" value="${options.message ?? ''}" size="60" maxlength="500"
placeholder="Delete ${file.filename}"></label>
<p><button class="primary" type="submit" name="delete" value="1">Delete ${file.filename}</button>
<a href="${back}">Cancel</a></p>
</form>`;
  return layout({ title: `Delete ${file.filename}`, viewer, body, page: { path } });
}
