/**
 * @module What `WIKI_DATA_DIR` holds, decided before anything is written: nothing yet (a new wiki), a git
 * repository (the wiki), or a folder of Markdown files to import (an Obsidian vault, an exported wiki).
 * Anything else is refused with the reason. Node built-ins only (and `.ts` imports): `src/preflight.ts`
 * runs it before the workspace is installed.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SettingsError } from './errors.ts';

/** Most entries looked at before deciding the folder is not what the user meant. */
export const MAX_IMPORT_ENTRIES = 20_000;

/** The data directory's state. Paths are relative to it, with `/` separators. */
export type DataDirPlan =
  | { readonly kind: 'new' }
  | { readonly kind: 'wiki' }
  | {
      readonly kind: 'import';
      /** Markdown files (`.md`), to become pages. */
      readonly markdown: readonly string[];
      /** Other files, left where they are and not committed. */
      readonly others: readonly string[];
      /** Hidden files and folders (`.obsidian`, `.DS_Store`), left alone. */
      readonly hidden: readonly string[];
      /** An Obsidian vault (it has `.obsidian/`). */
      readonly obsidian: boolean;
    };

function refuse(dir: string, reason: string): never {
  throw new SettingsError(`WIKI_DATA_DIR=${dir} ${reason}`);
}

/**
 * Looks at `dir` and says what starting on it will do; throws {@link SettingsError} with the reason when
 * it will not start on it.
 */
export function inspectDataDir(dir: string): DataDirPlan {
  let stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'new' };
    return refuse(dir, `cannot be read (${(error as Error).message}).`);
  }
  if (!stats.isDirectory()) return refuse(dir, 'is a file, not a folder: point it at a folder (new or existing).');
  const git = lstatSafe(join(dir, '.git'));
  if (git?.isDirectory() && lstatSafe(join(dir, '.git', 'HEAD'))?.isFile()) return { kind: 'wiki' };
  if (git)
    return refuse(
      dir,
      'has a .git that is not a repository wikibot can open (a work tree or submodule of another one?).',
    );

  const markdown: string[] = [];
  const others: string[] = [];
  const hidden: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (markdown.length + others.length + hidden.length >= MAX_IMPORT_ENTRIES) {
        refuse(
          dir,
          `has more than ${MAX_IMPORT_ENTRIES} files: is it the folder ` +
            `you meant? Point it at the folder of Markdown pages itself.`,
        );
      }
      const path = join(folder, entry.name);
      const rel = relative(dir, path).split(sep).join('/');
      if (entry.name.startsWith('.')) hidden.push(rel);
      else if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.md$/i.test(entry.name)) markdown.push(rel);
      else others.push(rel);
    }
  };
  walk(dir);
  if (markdown.length === 0 && others.length === 0) return { kind: 'new' };
  if (markdown.length === 0) {
    return refuse(
      dir,
      `holds ${others.length} file(s) but no Markdown (.md) pages and is not a git repository, so it is neither a wiki nor ` +
        'something to import. Use an empty or new folder, a wiki repository, or a folder of Markdown files.',
    );
  }
  return {
    kind: 'import',
    markdown: markdown.sort(),
    others: others.sort(),
    hidden: hidden.sort(),
    obsidian: hidden.includes('.obsidian'),
  };
}

function lstatSafe(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** One line saying what starting on the data directory does. */
export function describePlan(dir: string, plan: DataDirPlan): string {
  if (plan.kind === 'new') return `a new wiki in ${dir}`;
  if (plan.kind === 'wiki') return `the wiki in ${dir}`;
  const what = plan.obsidian ? 'the Obsidian vault' : 'the Markdown files in';
  return `${what} ${dir}: ${plan.markdown.length} page(s) to import as the wiki's first commit`;
}
