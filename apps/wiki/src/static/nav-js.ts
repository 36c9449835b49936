/**
 * @module The page tree's loader, served from `/-/static/nav.js` (linked, deferred, only by pages with a sidebar;
 * strict CSP, nothing inline). A closed folder of the tree holds only a link to its listing; the first time it is
 * opened (click, Enter or Space on its summary) this fetches the folder's entries from `/-/tree?path=` and puts
 * them in its place. Without script, or when the fetch fails, the link stays and the tree still opens and closes.
 * The folders the page came with open already hold their entries (the current page marked among them): a browser
 * also fires 'toggle' for those, sometimes after this script has run, so they count as loaded from the start.
 */
import { ASSET_VERSIONS } from './asset-versions.js';

/** The script's text: plain ES2015, no modules, no dependencies. */
export const NAV_JS = `
(function () {
  function load(details) {
    if (details.getAttribute('data-loaded') !== null) return;
    details.setAttribute('data-loaded', '');
    var url = '/-/tree?path=' + encodeURIComponent(details.getAttribute('data-tree'));
    fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) throw new Error('tree ' + response.status);
        return response.text();
      })
      .then(function (text) {
        var list = new DOMParser().parseFromString(text, 'text/html').body.firstElementChild;
        var old = details.querySelector(':scope > ul');
        if (!list || list.tagName !== 'UL' || !old) return;
        details.replaceChild(document.importNode(list, true), old);
      })
      .catch(function () {
        details.removeAttribute('data-loaded'); // the link to the listing stays; try again when reopened
      });
  }
  var open = document.querySelectorAll('.tree details[data-tree][open]');
  for (var i = 0; i < open.length; i++) open[i].setAttribute('data-loaded', '');
  // 'toggle' does not bubble: listen in the capture phase for every <details> of the tree, also those loaded later.
  document.addEventListener(
    'toggle',
    function (event) {
      var details = event.target;
      if (details.open && details.matches && details.matches('.tree details[data-tree]')) load(details);
    },
    true,
  );
})();
`.trim();

export const NAV_JS_VERSION: string = ASSET_VERSIONS['nav.js'];
