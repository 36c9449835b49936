/**
 * @module The page frame: top bar (wiki name, a short site nav, search, account), the page's own tabs, and for
 * pages that have one a sidebar (page tree, table of contents; see page-tree.ts and toc.ts), placed before the
 * content on wide screens and after it on narrow ones, with a skip link to the content; the top bar then spans
 * the sidebar and the content (`with-sidebar`).
 */
import { NAV_JS_URL, THEME_JS_URL, WIKI_CSS_URL } from '../static/asset-urls.js';
import { html, type SafeHtml } from './html.js';
import { loginHref, pageHref } from './urls.js';

/** Who is looking, as far as the page frame needs to know. */
export interface Viewer {
  /** Signed-in user, if any. */
  readonly user?: { readonly name: string; readonly email?: string };
  /** May this viewer edit? (Edit links are shown either way; the edit page asks for sign-in.) */
  readonly canEdit: boolean;
  /** The session's CSRF token, for the sign-out form and any other form. */
  readonly csrfToken?: string;
  /** Whether sign-in is configured at all. */
  readonly signInAvailable: boolean;
}

/** An anonymous viewer, for pages rendered without a session (errors). */
export const ANONYMOUS: Viewer = { canEdit: false, signInAvailable: false };

/** Which tab of a page is showing. */
export type PageTab = 'view' | 'edit' | 'history';

export interface LayoutOptions {
  readonly title: string;
  readonly viewer: Viewer;
  readonly body: SafeHtml;
  /** The page this view belongs to: shows its tabs. */
  readonly page?: { readonly path: string; readonly tab?: PageTab };
  /** Where sign-in should return to. */
  readonly returnTo?: string;
  /** False when the body starts with its own top-level heading (a page's `# Title`). */
  readonly showTitle?: boolean;
  /** The sidebar's content (page tree, table of contents); none when absent. */
  readonly sidebar?: SafeHtml;
}

function account(viewer: Viewer, returnTo: string): SafeHtml {
  if (viewer.user) {
    return html`<span>${viewer.user.name}</span>
      <form method="post" action="/-/logout"><input type="hidden" name="csrf" value="${viewer.csrfToken ?? ''}"><button class="link" type="submit">Sign out</button></form>`;
  }
  if (!viewer.signInAvailable) return html``;
  return html`<a href="${loginHref(returnTo)}">Sign in</a>`;
}

function tabs(path: string, tab: PageTab | undefined): SafeHtml {
  const item = (name: PageTab, label: string, suffix: string) =>
    html`<a href="${pageHref(path, suffix)}"${name === tab ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<nav class="page-actions" aria-label="Page">${item('view', 'View', '')}${item('edit', 'Edit', '/edit')}${item('history', 'History', '/history')}</nav>`;
}

function main(options: LayoutOptions, page: LayoutOptions['page']): SafeHtml {
  const head =
    options.showTitle === false
      ? html`<span class="crumbs">${page?.path ?? ''}</span>`
      : html`<h1>${options.title}</h1>`;
  return html`<main id="main">
<div class="page-head">${head}${page ? tabs(page.path, page.tab) : ''}</div>
${options.body}
</main>`;
}

/** Renders a complete HTML document. */
export function layout(options: LayoutOptions): SafeHtml {
  const { title, viewer, page } = options;
  const returnTo = options.returnTo ?? (page ? pageHref(page.path) : '/');
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>${title} · wikibot</title>
<link rel="stylesheet" href="${WIKI_CSS_URL}">
<script src="${THEME_JS_URL}"></script>
${options.sidebar ? html`<script src="${NAV_JS_URL}" defer></script>` : ''}
</head>
<body${options.sidebar ? html` class="with-sidebar"` : ''}>
${options.sidebar ? html`<a class="skip" href="#main">Skip to content</a>` : ''}
<header class="topbar"><div class="topbar-inner">
<a class="brand" href="/Home">wikibot</a>
<nav class="site-nav" aria-label="Site"><a href="/-/index">Index</a><a href="/-/changelog">Changes</a><a href="/-/create">New page</a></nav>
<form class="search" method="get" action="/-/search" role="search"><input type="search" name="q" placeholder="Search" aria-label="Search"><button type="submit">Go</button></form>
<div class="account"><button type="button" id="theme-toggle" class="theme-toggle" hidden>Theme</button>${account(viewer, returnTo)}</div>
</div></header>
${options.sidebar ? html`<div class="frame"><aside class="sidebar" aria-label="Sidebar">${options.sidebar}</aside>${main(options, page)}</div>` : main(options, page)}
<footer>A git-backed wiki. Pages are Markdown files; every change is a commit.</footer>
</body>
</html>
`;
}
