/** The slice of highlight.js's API the wiki uses (see hljs-languages.js for why this is declared here). */
export interface Highlighter {
  getLanguage(name: string): unknown;
  highlight(code: string, options: { language: string; ignoreIllegals?: boolean }): { value: string };
}
declare const hljs: Highlighter;
export default hljs;
