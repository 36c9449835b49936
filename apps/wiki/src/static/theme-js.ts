/**
 * @module The theme toggle: the wiki's only script, served from `/-/static/theme.js` like the stylesheet (under
 * the strict CSP, `script-src 'self'`, nothing inline). Loaded in the head, it applies the remembered choice
 * (`data-theme` on <html>) before the page paints; once the page is parsed it shows the toggle button, which
 * cycles auto → light → dark and remembers the choice in localStorage. "auto" follows `prefers-color-scheme`.
 */
import { ASSET_VERSIONS } from './asset-versions.js';

/** The script's text: plain ES2015, no modules, no dependencies. */
export const THEME_JS = `
(function () {
  var KEY = 'wikibot-theme';
  var CHOICES = ['auto', 'light', 'dark'];
  var root = document.documentElement;
  function remembered() {
    try {
      var value = localStorage.getItem(KEY);
      return CHOICES.indexOf(value) >= 0 ? value : 'auto';
    } catch (e) {
      return 'auto';
    }
  }
  function apply(choice) {
    if (choice === 'auto') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', choice);
  }
  var current = remembered();
  apply(current);
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('theme-toggle');
    if (!button) return;
    function show() {
      button.textContent = 'Theme: ' + current;
      button.title = 'Colour theme: ' + current + ' (click for ' + CHOICES[(CHOICES.indexOf(current) + 1) % 3] + ')';
    }
    button.addEventListener('click', function () {
      current = CHOICES[(CHOICES.indexOf(current) + 1) % 3];
      try {
        localStorage.setItem(KEY, current);
      } catch (e) {
        // Storage refused (private mode): the choice lasts for this page only.
      }
      apply(current);
      show();
    });
    // Another tab changed the theme.
    window.addEventListener('storage', function (event) {
      if (event.key !== KEY) return;
      current = remembered();
      apply(current);
      show();
    });
    show();
    button.hidden = false;
  });
})();
`.trim();

export const THEME_JS_VERSION: string = ASSET_VERSIONS['theme.js'];
