/**
 * @module The wiki's only stylesheet, served from `/-/static/wiki.css` with a year-long cache; pages link
 * it with `?v=<hash>` so a new deployment is picked up at once. No front-end build.
 */
import { ASSET_VERSIONS } from './asset-versions.js';

/** Dark colours: with `prefers-color-scheme: dark` unless the reader chose light, and whenever they chose dark. */
const DARK_COLOURS =
  '--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--link:#4493f8;--missing:#f85149;' +
  '--accent:#3fb950;--on-accent:#0d1117;--code:#151b23;--mark:#bb800966';
const DARK_CODE =
  '.hljs-keyword,.hljs-selector-tag,.hljs-built_in{color:#ff7b72}.hljs-string,.hljs-attr{color:#a5d6ff}.hljs-comment{color:#8b949e}' +
  '.hljs-number,.hljs-literal{color:#79c0ff}.hljs-title,.hljs-section{color:#d2a8ff}';
/** The theme toggle (theme-js.ts) sets `data-theme` on <html>; without it the OS setting decides. */
const AUTO = ':root:not([data-theme=light])';
const CHOSEN = ':root[data-theme=dark]';

/** `rules` with every selector prefixed by `scope`: `.a,.b{x}` → `S .a,S .b{x}`. */
function scoped(rules: string, scope: string): string {
  return rules.replace(
    /(^|\})([^{]+)\{/g,
    (_, end: string, selectors: string) =>
      `${end}${selectors
        .split(',')
        .map((s) => `${scope} ${s}`)
        .join(',')}{`,
  );
}

/** The stylesheet's text. */
export const WIKI_CSS = `
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--link:#0969da;--missing:#cf222e;--accent:#1a7f37;--on-accent:#fff;--code:#f6f8fa;--mark:#fff8c5;--maxw:60rem;--sidew:18rem;--framew:calc(var(--sidew) + var(--maxw));color-scheme:light dark}
:root[data-theme=light]{color-scheme:light}${CHOSEN}{color-scheme:dark;${DARK_COLOURS}}
@media (prefers-color-scheme:dark){${AUTO}{${DARK_COLOURS}}}
*{box-sizing:border-box}input,select,textarea{max-width:100%}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
a.wikilink.missing{color:var(--missing);text-decoration:underline dotted}
.topbar{background:var(--panel);border-bottom:1px solid var(--line)}
.topbar-inner{max-width:var(--maxw);margin:0 auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.brand{font-weight:700;color:var(--fg);font-size:1.1rem}
.site-nav{display:flex;gap:.75rem;flex-wrap:wrap}
.search{display:flex;gap:.25rem;flex:1 1 12rem;max-width:22rem}
.search input{flex:1;min-width:0}
.account{margin-left:auto;display:flex;gap:.5rem;align-items:center;color:var(--muted);font-size:.9rem}
.account form{margin:0}
.theme-toggle{font-size:.85rem;padding:.15rem .6rem}
main{max-width:var(--maxw);margin:0 auto;padding:1rem}
.page-head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.5rem;border-bottom:1px solid var(--line);margin-bottom:1rem}
.page-head h1{margin:.25rem 0;font-size:1.8rem;line-height:1.25;overflow-wrap:anywhere}
.page-actions{display:flex;gap:.75rem;font-size:.95rem}
.page-actions a[aria-current]{font-weight:700;color:var(--fg)}
.crumbs{color:var(--muted);font-size:.9rem}
.meta{color:var(--muted);font-size:.85rem}
.meta a,.notice a{text-decoration:underline}
.notice{padding:.75rem 1rem;border:1px solid var(--line);border-left:4px solid var(--link);background:var(--panel);margin:1rem 0}
.notice.warn{border-left-color:var(--missing)}
.content{overflow-wrap:break-word}
/* colour alone does not mark a link in running text (WCAG 1.4.1) */
.content :is(p,li,td,th,dd,blockquote) a{text-decoration:underline;text-underline-offset:.15em}
.content img{max-width:100%;height:auto}
.content table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}
.content th,.content td{border:1px solid var(--line);padding:.3rem .6rem}
.content th{background:var(--panel)}
.align-left{text-align:left}.align-right{text-align:right}.align-center{text-align:center}
.content blockquote{margin:0;padding:0 1rem;border-left:4px solid var(--line);color:var(--muted)}
code,pre,textarea.source{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
:not(pre)>code{background:var(--code);padding:.1em .3em;border-radius:4px}
pre{background:var(--code);padding:.75rem 1rem;overflow-x:auto;border-radius:6px;border:1px solid var(--line)}
.task-list-item{list-style:none}.task-list-item input{margin:0 .4em 0 -1.2em}
.footnotes{font-size:.9rem;color:var(--muted)}
form.edit{display:grid;grid-template-columns:minmax(0,1fr);gap:.75rem}
textarea.source{width:100%;min-height:60vh;padding:.5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);resize:vertical}
.editor-toolbar{display:flex;flex-wrap:wrap;gap:.25rem}.editor-toolbar button{min-width:2.5rem;font-family:ui-monospace,monospace}
.editor-panes{display:grid;grid-template-columns:minmax(0,1fr);gap:.75rem}.editor-panes .preview{border:1px solid var(--line);border-radius:6px;padding:0 1rem;min-width:0;max-height:70vh;overflow:auto}
@media (min-width:64rem){.editor-panes{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}main:has(form.edit){max-width:90rem}:root:has(form.edit){--framew:calc(var(--sidew) + 90rem)}}
input[type=text],input[type=search]{padding:.35rem .5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);font:inherit}
button,.button{padding:.35rem .9rem;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:var(--fg);font:inherit;cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
button.link{border:0;background:none;color:var(--link);padding:0}
table.list{border-collapse:collapse;width:100%}
@media (max-width:40rem){table.list{display:block;overflow-x:auto}}
table.list td,table.list th{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
.list .rev{font-family:ui-monospace,monospace}
.results{list-style:none;padding:0}.results li{margin:0 0 1rem}.results li>a{display:block;font-weight:600}
.search-columns{display:grid;gap:0 2rem}.search-columns h2{font-size:1.1rem}
@media (min-width:48rem){.search-columns{grid-template-columns:1fr 1fr}}
.snippet{color:var(--muted);margin:.15rem 0 0}
mark{background:var(--mark);color:var(--fg);border-radius:2px;padding:0 .1em}
.pager{display:flex;gap:1rem;justify-content:center;margin:1rem 0}.pager span{color:var(--muted)}
.index-group h2{font-size:1.2rem;border-bottom:1px solid var(--line)}
.index-group ul{columns:16rem;padding-left:1.2rem}
.scroll{overflow-x:auto}
table.blame td{padding:0 .5rem;border-bottom:0;white-space:nowrap}table.blame tr.run td{border-top:1px solid var(--line)}
table.blame td.num{color:var(--muted);text-align:right}table.blame td.line{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.9em;width:100%}
form.upload{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;padding:.75rem;border:1px solid var(--line);border-radius:6px;background:var(--panel)}
form.upload label{display:grid;grid-template-columns:minmax(0,1fr);gap:.25rem;max-width:100%}
pre.diff{padding:0}pre.diff span{display:block;padding:0 1rem}
pre.diff .add{background:rgba(46,160,67,.18)}pre.diff .del{background:rgba(248,81,73,.18)}pre.diff .hunk{color:var(--muted)}
pre.commit-message{white-space:pre-wrap;font-size:1rem}
dl.commit-meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dl.commit-meta dt{color:var(--muted)}dl.commit-meta dd{margin:0;overflow-wrap:anywhere}
.commit-file h2{font-size:1.05rem;overflow-wrap:anywhere}ul.commit-files{overflow-wrap:anywhere}
.skip{position:absolute;left:-999rem;top:.5rem;z-index:10;background:var(--bg);padding:.25rem .75rem;border:1px solid var(--line)}.skip:focus{left:.5rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
/* with a sidebar the frame is the sidebar and a main column as wide as main, and the top bar and footer span it */
.frame{display:flex;flex-direction:column;max-width:var(--framew);margin:0 auto}.frame>main{width:100%}
.sidebar{order:1;padding:0 1rem 1rem;font-size:.9rem;min-width:0;line-height:1.75}
@media (min-width:64rem){.with-sidebar :is(.topbar-inner,footer){max-width:var(--framew)}
.frame{display:grid;grid-template-columns:var(--sidew) minmax(0,1fr);align-items:start}.sidebar{order:0;padding-top:1rem;position:sticky;top:0;max-height:100vh;overflow:auto}}
.sidebar .panel>summary{font-weight:600;cursor:pointer;padding:.15rem 0}
.sidebar ul{list-style:none;margin:0;padding-left:1.5rem}
.tree li{position:relative;overflow-wrap:anywhere}
.tree li>details>summary{position:absolute;left:-1.5rem;top:0;width:1.5rem;cursor:pointer;color:var(--muted)}
.tree a[aria-current]{font-weight:700;color:var(--fg)}.tree li.more a{font-style:italic}
.toc ul{padding-left:.5rem}.toc .toc-1{padding-left:1rem}.toc .toc-2{padding-left:2rem}.toc .toc-3{padding-left:3rem}
footer{max-width:var(--maxw);margin:2rem auto;padding:1rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
.hljs-keyword,.hljs-selector-tag,.hljs-built_in{color:#cf222e}.hljs-string,.hljs-attr{color:#0a3069}.hljs-comment{color:#59636e;font-style:italic}.hljs-number,.hljs-literal{color:#0550ae}.hljs-title,.hljs-section{color:#8250df}
${scoped(DARK_CODE, CHOSEN)}
@media (prefers-color-scheme:dark){${scoped(DARK_CODE, AUTO)}}
@media (max-width:40rem){.account{margin-left:0}.page-head h1{font-size:1.45rem}main{padding:.75rem}}
`.trim();

/** Short content hash, used as the cache-busting `?v=` and as the ETag. */
export const WIKI_CSS_VERSION: string = ASSET_VERSIONS['wiki.css'];
