/**
 * @module Page names the wiki's own URLs would shadow (`x/edit` is the editor of `x`, `api/v1/pages` the REST
 * API): the one decision, made here, that MCP, REST and the browser all apply when a page is created or renamed.
 */
import { InvalidPathError } from './errors.js';
import { DEFAULT_PAGE_NAMING, pageDisplayName, pageFileName, type PageNaming } from './page-names.js';
import { normalizePagePath } from './paths.js';

/** Last URL segments that are actions on the page before them (`/<Page>/edit`), Otterwiki's scheme. */
export const PAGE_ACTION_SEGMENTS: readonly string[] = [
  'edit',
  'save',
  'history',
  'diff',
  'blame',
  'attachments',
  'rename',
  'delete',
  'source',
];
/**
 * URL segments followed by one argument after a page (`/<Page>/revision/<sha>`, `/<Page>/revert/<sha>`,
 * `/<Page>/a/<file>`, `/<Page>/attachment/<file>`).
 */
export const PAGE_ARGUMENT_SEGMENTS: readonly string[] = ['revision', 'revert', 'a', 'attachment'];

/**
 * Why the wiki could not open a page named `path` at its URL (`/<shown name>`), or null when it can. The action
 * and prefix words are refused in any case (one page name in every casing); `/mcp` only as the name is shown and
 * linked, because the gateway routes it case-sensitively (a page `MCP` stays at `/MCP`).
 * @throws InvalidPathError for a name {@link normalizePagePath} refuses.
 * @example pageRouteConflict('x/edit') // 'a page name may not end in "edit": /x/edit is the edit action of x'
 * @example pageRouteConflict('Guide/Editing') // null
 */
export function pageRouteConflict(path: string, naming: PageNaming = DEFAULT_PAGE_NAMING): string | null {
  const name = normalizePagePath(path);
  const segments = name.toLowerCase().split('/');
  const n = segments.length;
  if (segments[0] === '-') return 'a page name may not start with "-/": the wiki\'s own pages live under /-/';
  if (n >= 2 && segments[0] === 'api' && segments[1] === 'v1') {
    return 'a page name may not start with "api/v1/": /api/v1/ is the REST API';
  }
  const shown = pageDisplayName(pageFileName(name, naming), naming);
  if (shown.split('/')[0] === 'mcp') {
    return 'a page name shown as "mcp…" would be served by the MCP endpoint (/mcp); capitalise it (MCP) or rename it';
  }
  const parent = name.slice(0, name.lastIndexOf('/'));
  if (n >= 2 && PAGE_ACTION_SEGMENTS.includes(segments[n - 1]!)) {
    return `a page name may not end in "${segments[n - 1]}": /${name} is the ${segments[n - 1]} action of ${parent}`;
  }
  if (n >= 3 && PAGE_ARGUMENT_SEGMENTS.includes(segments[n - 2]!)) {
    const page = parent.slice(0, parent.lastIndexOf('/'));
    return `a page name may not have "${segments[n - 2]}" as its second-to-last part: /${name} is a URL of ${page}`;
  }
  return null;
}

/**
 * Refuses a new page name the wiki's URLs would shadow (see {@link pageRouteConflict}); returns the normalised
 * name otherwise.
 * @throws InvalidPathError naming the name and the route it collides with.
 */
export function assertReachablePageName(path: string, naming: PageNaming = DEFAULT_PAGE_NAMING): string {
  const conflict = pageRouteConflict(path, naming);
  if (conflict !== null) {
    throw new InvalidPathError(`Page path "${normalizePagePath(path)}" is not allowed: ${conflict}`);
  }
  return normalizePagePath(path);
}
