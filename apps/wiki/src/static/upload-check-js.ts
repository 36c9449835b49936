/**
 * @module The attachments page's one script, `/-/static/upload-check.js` (fingerprinted and cached like the
 * stylesheet; nothing inline, under the strict CSP). A request over Lambda's 6 MB payload never reaches the wiki —
 * API Gateway answers it with a bare 500 — so the wiki's own 413 can only speak for uploads up to about 4.7 MB.
 * This checks the chosen files' total against the form's `data-max-bytes` before sending and explains the limit in
 * the page's alert instead. Without script the form still works; the server checks again whatever arrives.
 */
import { ASSET_VERSIONS } from './asset-versions.js';

/** The script's text: plain ES2015, no modules, no dependencies. */
export const UPLOAD_CHECK_JS = `
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form.upload[data-max-bytes]');
    var alert = document.getElementById('upload-refusal');
    if (!form || !alert) return;
    var max = Number(form.getAttribute('data-max-bytes'));
    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type=file]');
      var total = 0;
      for (var i = 0; i < input.files.length; i++) total += input.files[i].size;
      if (total <= max) return;
      event.preventDefault();
      alert.textContent = 'The chosen files come to ' + total.toLocaleString('en-US') + ' bytes; at most ' +
        max.toLocaleString('en-US') + ' can be uploaded at once (AWS Lambda carries at most 6 MB a request). ' +
        'Nothing was sent.';
      alert.hidden = false;
      input.focus();
    });
  });
})();
`.trim();

export const UPLOAD_CHECK_JS_VERSION: string = ASSET_VERSIONS['upload-check.js'];
