/**
 * @module An existing folder of Markdown files (an Obsidian vault, an exported wiki) made into the wiki:
 * every `.md` file becomes a page, in Otterwiki's layout (lower-case path + `.md`), all in the repository's
 * first commit, whose message names what was imported. Through wiki-core's public API only. Files that are
 * not Markdown stay where they are, uncommitted, and the message says so.
 */
import { lstat, readFile, rename, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { normalizePagePath, pageFileName, validateContent, Wiki, WikiError } from '@wikibot/wiki-core';
import type { DataDirPlan } from './data-dir.js';
import { SettingsError } from './errors.js';

type ImportPlan = Extract<DataDirPlan, { kind: 'import' }>;

/** What an import did. */
export interface ImportSummary {
  readonly pages: number;
  /** The first commit's subject. */
  readonly subject: string;
  /** Files renamed to their layout name (`Notes/My Page.md` → `notes/my page.md`). */
  readonly renamed: number;
}

function listed(names: readonly string[], max = 10): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** Reads each Markdown file and maps it to a page; refuses, naming the files, what cannot become one. */
async function readPages(
  dir: string,
  plan: ImportPlan,
): Promise<Map<string, { page: string; content: string; file: string }>> {
  const byFile = new Map<string, { page: string; content: string; source: string }>();
  const problems: string[] = [];
  for (const source of plan.markdown) {
    try {
      const page = normalizePagePath(source.replace(/\.md$/i, ''));
      const bytes = await readFile(join(dir, source));
      const content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      validateContent(content);
      const file = pageFileName(page);
      const clash = byFile.get(file);
      if (clash) problems.push(`${clash.source} and ${source} are the same page (${file})`);
      else byFile.set(file, { page, content, source });
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
          ? 'is not UTF-8 text'
          : error instanceof WikiError
            ? error.message
            : String(error);
      problems.push(`${source}: ${reason}`);
    }
  }
  if (problems.length > 0) {
    throw new SettingsError(
      `WIKI_DATA_DIR=${dir} cannot be imported as it is: ` +
        `${listed(problems, 5)}. Fix or move these files and start again.`,
    );
  }
  return new Map([...byFile].map(([file, { page, content, source }]) => [source, { page, content, file }]));
}

/** The first commit's message: what was imported from where, and what was left out. */
function importMessage(dir: string, plan: ImportPlan, pages: number): string {
  const from = plan.obsidian ? `the Obsidian vault "${basename(dir)}"` : `the Markdown files in "${basename(dir)}"`;
  const subject = `Import ${pages} page${pages === 1 ? '' : 's'} from ${from}`;
  const body = [`Imported from ${dir} by npm start.`];
  if (plan.others.length > 0)
    body.push(`Not imported (not Markdown; left in place, uncommitted): ${listed(plan.others)}.`);
  if (plan.hidden.length > 0) body.push(`Left alone (hidden): ${listed(plan.hidden)}.`);
  return `${subject}\n\n${body.join('\n')}`;
}

/**
 * Imports `plan`'s Markdown files as the first commit of a new repository in `dir`, then renames each
 * original file to its layout name where they differ (the committed copy takes its place).
 */
export async function importMarkdownFolder(dir: string, plan: ImportPlan): Promise<ImportSummary> {
  const pages = await readPages(dir, plan);
  const message = importMessage(dir, plan, pages.size);
  const wiki = await Wiki.open({
    dir,
    initialContent: { pages: new Map([...pages.values()].map((p) => [p.page, p.content])), message },
  });
  await wiki.flush();
  let renamed = 0;
  for (const [source, { file }] of pages) {
    if (source === file) continue;
    const original = await lstat(join(dir, source));
    const copy = await lstat(join(dir, file)).catch(() => undefined);
    // Same file (a case-insensitive disk): only its name's case changes.
    if (!copy || (copy.ino === original.ino && copy.dev === original.dev))
      await rename(join(dir, source), join(dir, file));
    else await unlink(join(dir, source));
    renamed += 1;
    await removeEmptyParents(dir, source);
  }
  return { pages: pages.size, subject: message.split('\n')[0], renamed };
}

/** Removes the folders a renamed file left empty (`Notes/` after `Notes/A.md` → `notes/a.md`). */
async function removeEmptyParents(dir: string, source: string): Promise<void> {
  for (let folder = dirname(source); folder !== '.'; folder = dirname(folder)) {
    if (
      !(await rmdir(join(dir, folder)).then(
        () => true,
        () => false,
      ))
    )
      return;
  }
}
