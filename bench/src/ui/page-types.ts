/**
 * @module Every page type of the wiki's browser UI, how a person arrives at it on the tour's wiki, and one
 * sentence on what it is for: the one list the UI bench part (weight, axe) and the screenshots walk.
 */
import type { Page, Response } from 'playwright-core';
import type { TourWiki } from './tour-wiki.js';

/** One page type. */
export interface PageType {
  readonly type: string;
  /** One sentence for docs/ui.md. */
  readonly description: string;
  /** The status a person gets. */
  readonly status: number;
  /** false: a page of the AuthKit stand-in, not the wiki's (shown, not weighed). */
  readonly wiki?: boolean;
  /** false: visited signed out. */
  readonly signedIn?: boolean;
  /** Goes there in `page`; the response of the document that shows it. */
  open(page: Page, origin: string, wiki: TourWiki): Promise<Response | null>;
}

const visit = (path: (wiki: TourWiki) => string) => (page: Page, origin: string, wiki: TourWiki) =>
  page.goto(`${origin}${path(wiki)}`);

/**
 * Someone else saves while the person edits: the person's save answers with the conflict page. The other
 * save goes through a second tab of the same person, as from another window.
 */
async function openConflict(page: Page, origin: string, wiki: TourWiki): Promise<Response | null> {
  await page.goto(`${origin}${wiki.href}/edit`);
  const other = await page.context().newPage();
  await other.goto(`${origin}${wiki.href}/edit`);
  await other.locator('#content').press('Control+End');
  await other.locator('#content').pressSequentially('\nAdded in another window.\n');
  await other.getByRole('button', { name: 'Save' }).click();
  await other.waitForURL((url) => !url.pathname.endsWith('/edit'));
  await other.close();
  await page.locator('#content').press('Control+End');
  await page.locator('#content').pressSequentially('\nMy own addition.\n');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document'),
    page.getByRole('button', { name: 'Save' }).click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** Signed out, the wiki's "Sign in" leads to AuthKit's sign-in form. */
async function openSignIn(page: Page, origin: string): Promise<Response | null> {
  await page.goto(`${origin}/Home`);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().resourceType() === 'document' && r.url().includes('/interaction/')),
    page.getByRole('link', { name: 'Sign in' }).click(),
  ]);
  await page.locator('#email').waitFor();
  return response;
}

const first = (w: TourWiki) => w.revisions[0]!;
const last = (w: TourWiki) => w.revisions[w.revisions.length - 1]!;
const beforeLast = (w: TourWiki) => w.revisions[w.revisions.length - 2]!;

/** The page types, in the order a person meets them. */
export const PAGE_TYPES: readonly PageType[] = [
  {
    type: 'view',
    status: 200,
    description:
      "A page as readers see it: rendered Markdown (a table, highlighted code, a task list, a footnote, a quote), an attached image, WikiLinks (a red one for a page not written yet), the page's actions, and the sidebar with the page tree (its branch open, the page marked) and the page's table of contents.",
    open: visit((w) => w.href),
  },
  {
    type: 'edit',
    status: 200,
    description:
      'The editor: a Markdown toolbar, the text, and a live preview rendered by the same renderer as the page; files dropped or pasted become attachments, Ctrl+S saves.',
    open: visit((w) => `${w.href}/edit`),
  },
  {
    type: 'history',
    status: 200,
    description:
      "A page's history: every revision with its author and message, links to its source and to revert to it, and a form to compare any two.",
    open: visit((w) => `${w.href}/history`),
  },
  {
    type: 'diff',
    status: 200,
    description: 'What one revision changed, against the revision before it.',
    open: visit((w) => `${w.href}/diff?from=${beforeLast(w)}&to=${last(w)}`),
  },
  {
    type: 'compare',
    status: 200,
    description: 'Any two revisions picked in the history compared — here the first and the latest.',
    open: visit((w) => `${w.href}/diff?from=${first(w)}&to=${last(w)}`),
  },
  {
    type: 'source',
    status: 200,
    description: 'The Markdown source of a page (`?raw` gives the bare text).',
    open: visit((w) => `${w.href}/source`),
  },
  {
    type: 'revert',
    status: 200,
    description: "Confirming a revert: the page goes back to an old revision's text as a new commit.",
    open: visit((w) => `${w.href}/revert/${first(w)}`),
  },
  {
    type: 'rename',
    status: 200,
    description: 'Renaming (or moving) a page; links to it on other pages are rewritten.',
    open: visit((w) => `${w.href}/rename`),
  },
  {
    type: 'delete',
    status: 200,
    description: 'Confirming a delete; the history keeps the page.',
    open: visit((w) => `${w.href}/delete`),
  },
  {
    type: 'revision',
    status: 200,
    description: 'A page as it was at an old revision, with its source and a revert offered.',
    open: visit((w) => `${w.href}/revision/${first(w)}`),
  },
  {
    type: 'blame',
    status: 200,
    description: 'Blame: each line of the page with the commit that last changed it, its author and date.',
    open: visit((w) => `${w.href}/blame`),
  },
  {
    type: 'attachments',
    status: 200,
    description: "A page's attachments: the files, an upload form that works without script, and delete links.",
    open: visit((w) => `${w.href}/attachments`),
  },
  {
    type: 'attachment-delete',
    status: 200,
    description: 'Confirming that an attachment is deleted.',
    open: visit((w) => `${w.href}/attachment/${w.attachment}`),
  },
  {
    type: 'commit',
    status: 200,
    description: 'One commit: its message, author, date and what it changed in each page.',
    open: visit((w) => `/-/commit/${last(w)}`),
  },
  {
    type: 'changelog',
    status: 200,
    description:
      'Recent changes across the wiki, paged; each entry links to the pages it touched as of that commit and to its diff.',
    open: visit(() => '/-/changelog'),
  },
  {
    type: 'search',
    status: 200,
    description: 'Search results with the matched words highlighted in each snippet.',
    open: visit(() => '/-/search?q=otters'),
  },
  { type: 'folder', status: 200, description: 'A folder URL lists the pages under it.', open: visit((w) => w.folder) },
  { type: 'index', status: 200, description: 'Every page of the wiki, by name.', open: visit(() => '/-/index') },
  {
    type: 'create',
    status: 200,
    description: 'Starting a new page by name (slashes make sub-pages).',
    open: visit(() => '/-/create'),
  },
  {
    type: 'conflict',
    status: 409,
    description:
      "Someone else saved first: the conflict page keeps the person's text and shows the other change, to merge by hand.",
    open: openConflict,
  },
  {
    type: 'missing',
    status: 404,
    description: 'A page that does not exist yet answers 404 and offers to create it.',
    open: visit(() => '/Animals/Giant%20Otter'),
  },
  {
    type: 'sign-in',
    status: 200,
    wiki: false,
    signedIn: false,
    description:
      "Signing in: the wiki sends the person to AuthKit (locally its stand-in, shown here; WorkOS's hosted page in production).",
    open: openSignIn,
  },
];
