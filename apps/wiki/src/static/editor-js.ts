/**
 * @module The editor's only script, served from `/-/static/editor.js` with a year-long cache and linked only by
 * the edit page (`?v=<hash>`), so page views load no script at all. Progressive enhancement: without it the
 * textarea and the Save button work as before. It adds a live preview (the server's own renderer, via
 * `POST /-/preview`, debounced), a Markdown toolbar (also Ctrl/Cmd+B, I, K), files dropped or pasted into the
 * textarea uploaded as the page's attachments (`POST /-/upload`) and linked, and saving with Ctrl/Cmd+S.
 * Plain ES2020, no build step, no inline script.
 */
import { ASSET_VERSIONS } from './asset-versions.js';

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

  // Markdown toolbar: each button wraps the selection (or a placeholder, left selected to type over).
  const wrap = (before, after, placeholder) => {
    const { selectionStart: start, selectionEnd: end } = textarea;
    const inner = textarea.value.slice(start, end) || placeholder;
    textarea.setRangeText(before + inner + after, start, end, 'end');
    textarea.setSelectionRange(start + before.length, start + before.length + inner.length);
  };
  const prefixLines = (prefix) => {
    const { selectionStart: start, selectionEnd: end } = textarea;
    const from = textarea.value.lastIndexOf('\n', start - 1) + 1;
    const lines = textarea.value.slice(from, end).split('\n').map((line) => prefix + line).join('\n');
    textarea.setRangeText(lines, from, end, 'select');
  };
  const fence = '\x60\x60\x60'; // three backticks (this text lives in a template literal)
  const code = () => {
    const selected = textarea.value.slice(textarea.selectionStart, textarea.selectionEnd);
    if (selected.includes('\n')) wrap('\n' + fence + '\n', '\n' + fence + '\n', '');
    else wrap('\x60', '\x60', 'code');
  };
  const wikiLink = () => {
    const { selectionStart: start, selectionEnd: end } = textarea;
    const label = textarea.value.slice(start, end) || 'Label';
    textarea.setRangeText('[[' + label + '|Page]]', start, end, 'end');
    textarea.setSelectionRange(start + label.length + 3, start + label.length + 7); // "Page", to type over
  };
  const tools = [
    ['B', 'Bold', 'Control+B', () => wrap('**', '**', 'bold text')],
    ['I', 'Italic', 'Control+I', () => wrap('_', '_', 'italic text')],
    ['H', 'Heading', '', () => prefixLines('## ')],
    ['Link', 'Link', 'Control+K', () => wrap('[', '](https://)', 'link text')],
    ['[[ ]]', 'Link to a wiki page', '', wikiLink],
    ['</>', 'Code', '', code],
    ['List', 'Bulleted list', '', () => prefixLines('- ')],
  ];
  const toolbar = document.createElement('div');
  toolbar.className = 'editor-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Formatting');
  toolbar.setAttribute('aria-controls', textarea.id);
  const apply = (action) => {
    textarea.focus();
    action();
    textarea.dispatchEvent(new Event('input')); // refreshes the preview
  };
  tools.forEach(([text, label, keys, action], index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.setAttribute('aria-label', label);
    button.title = keys ? label + ' (' + keys.replace('Control+', 'Ctrl+') + ')' : label;
    if (keys) button.setAttribute('aria-keyshortcuts', keys + ' ' + keys.replace('Control', 'Meta'));
    button.tabIndex = index === 0 ? 0 : -1; // one tab stop; arrow keys move inside (WAI-ARIA toolbar pattern)
    button.addEventListener('click', () => apply(action));
    toolbar.append(button);
  });
  toolbar.addEventListener('keydown', (event) => {
    const buttons = [...toolbar.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement);
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -at, End: buttons.length - 1 - at }[event.key];
    if (at < 0 || step === undefined) return;
    event.preventDefault();
    const next = buttons[(at + step + buttons.length) % buttons.length];
    buttons.forEach((b) => (b.tabIndex = b === next ? 0 : -1));
    next.focus();
  });
  panes.before(toolbar);
  const shortcuts = { b: tools[0][3], i: tools[1][3], k: tools[3][3] };
  textarea.addEventListener('keydown', (event) => {
    const action = (event.ctrlKey || event.metaKey) && !event.altKey && shortcuts[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    apply(action);
  });

  // Files dropped on or pasted into the textarea become attachments of this page, linked where the caret is.
  const status = document.createElement('p');
  status.className = 'meta';
  status.setAttribute('role', 'status');
  panes.after(status);
  const upload = async (file, name) => {
    const link = (file.type.startsWith('image/') ? '!' : '') + '[' + name.replace(/[[\]\\]/g, '') + ']';
    const placeholder = link + '(uploading…)';
    textarea.setRangeText(placeholder, textarea.selectionStart, textarea.selectionEnd, 'end');
    status.textContent = 'Uploading ' + name + '…';
    const query = new URLSearchParams({ page: form.dataset.page || '', filename: name });
    let markdown = '';
    try {
      const response = await fetch('/-/upload?' + query, {
        method: 'POST',
        body: file,
        credentials: 'same-origin',
        headers: { 'x-csrf-token': csrf.value, 'content-type': file.type || 'application/octet-stream' },
      });
      if (response.ok) {
        const stored = await response.json();
        markdown = link + '(./a/' + encodeURIComponent(stored.filename) + ')';
        status.textContent = 'Attached ' + stored.filename + '.';
      } else {
        const hint = response.status === 404 ? ' Save the page first, then attach files.' : '';
        status.textContent = name + ' was not attached (' + response.status + ').' + hint;
      }
    } catch {
      status.textContent = name + ' was not attached: the wiki could not be reached.';
    }
    const at = textarea.value.indexOf(placeholder);
    if (at >= 0) textarea.setRangeText(markdown, at, at + placeholder.length, 'end');
    textarea.dispatchEvent(new Event('input'));
  };
  const uploadAll = (files, pasted) => {
    [...files].forEach((file, index) => {
      // A pasted screenshot is always "image.png": give it a name that does not replace the last one.
      const name = pasted ? 'pasted-' + Date.now() + '-' + index + '.' + (file.type.split('/')[1] || 'bin') : file.name;
      upload(file, name);
    });
  };
  textarea.addEventListener('dragover', (event) => {
    if (event.dataTransfer && [...event.dataTransfer.types].includes('Files')) event.preventDefault();
  });
  textarea.addEventListener('drop', (event) => {
    if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    uploadAll(event.dataTransfer.files, false);
  });
  textarea.addEventListener('paste', (event) => {
    if (!event.clipboardData || event.clipboardData.files.length === 0) return;
    event.preventDefault();
    uploadAll(event.clipboardData.files, true);
  });

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
export const EDITOR_JS_VERSION: string = ASSET_VERSIONS['editor.js'];
