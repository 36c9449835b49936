/**
 * @module The editor's only script, served from `/-/static/editor.js` with a year-long cache and linked only by
 * the edit page (`?v=<hash>`), so page views load no script at all. Progressive enhancement: without it the
 * textarea and the Save button work as before. It adds a live preview (the server's own renderer, via
 * `POST /-/preview`, debounced) and saving with Ctrl/Cmd+S. Plain ES2020, no build step, no inline script.
 */
import { createHash } from 'node:crypto';

/** The script's text. */
export const EDITOR_JS = String.raw`
(() => {
  'use strict';
  const form = document.querySelector('form.edit[data-preview]');
  const textarea = form && form.querySelector('textarea[name="content"]');
  const csrf = form && form.querySelector('input[name="csrf"]');
  if (!form || !textarea || !csrf) return;

  // Live preview beside the textarea (below it on narrow screens).
  const panes = document.createElement('div');
  panes.className = 'editor-panes';
  const preview = document.createElement('section');
  preview.className = 'preview content';
  preview.setAttribute('aria-label', 'Preview');
  preview.setAttribute('aria-live', 'polite');
  textarea.before(panes);
  panes.append(textarea, preview);

  let timer;
  let latest = 0;
  const show = async () => {
    const ticket = ++latest;
    const body = new URLSearchParams({ csrf: csrf.value, path: form.dataset.page || '', content: textarea.value });
    try {
      const response = await fetch(form.dataset.preview, { method: 'POST', body, credentials: 'same-origin' });
      const text = response.ok ? await response.text() : '';
      if (ticket !== latest) return; // a newer preview was asked for meanwhile
      if (response.ok) preview.innerHTML = text; // the renderer's output: sanitized on the server
      else preview.textContent = 'No preview (' + response.status + '). Saving still works.';
    } catch {
      if (ticket === latest) preview.textContent = 'No preview: the wiki could not be reached.';
    }
  };
  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(show, 300);
  });
  show();

  // Ctrl+S / Cmd+S saves (submits the form, so the browser's own validation and the server's checks apply).
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
    event.preventDefault();
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  });
})();
`.trim();

/** Short content hash, used as the cache-busting `?v=` and as the ETag. */
export const EDITOR_JS_VERSION = createHash('sha256').update(EDITOR_JS).digest('hex').slice(0, 12);

/** The URL the edit page loads the script from. */
export const EDITOR_JS_URL = `/-/static/editor.js?v=${EDITOR_JS_VERSION}`;
