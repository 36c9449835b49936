/**
 * The slice of highlight.js's API the wiki uses. highlight.js's own declarations reference the DOM
 * library, which would change `fetch`/`Response` types for the whole program; tsconfig maps the two
 * entry points used here to this file instead.
 */
export interface LanguageFn {
  (hljs?: unknown): unknown;
}
export interface HighlightApi {
  registerLanguage(name: string, language: LanguageFn): void;
  getLanguage(name: string): unknown;
  highlight(code: string, options: { language: string; ignoreIllegals?: boolean }): { value: string };
}
declare const api: HighlightApi & LanguageFn;
export default api;
