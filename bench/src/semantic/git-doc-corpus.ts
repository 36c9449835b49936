/**
 * @module The quality corpus: git's own manual pages from Debian's `git-doc` package (written by the git project,
 * not by anyone here), installed at bench time when missing, converted from AsciiDoc to Markdown headings and
 * imported into a wiki repository as `Git/<command>` pages, one commit each. Each page keeps its NAME, SYNOPSIS and
 * DESCRIPTION (what a command is for, which is what the questions ask about); the option lists after them would
 * quadruple the text the local model must embed on a shared 2-core machine without changing what the pages answer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Wiki } from '@wikibot/wiki-core';

const DOC_DIR = '/usr/share/doc/git-doc';

/** A manual page as imported. */
export interface ManualPage {
  /** Wiki path, e.g. `Git/git-stash`. */
  readonly path: string;
  /** The one-line summary of its NAME section, e.g. "Stash the changes in a dirty working directory away". */
  readonly summary: string;
  readonly markdown: string;
}

/** The git-*.txt manual pages, installing `git-doc` with apt-get first if they are not there. */
export function loadGitManual(): ManualPage[] {
  if (!existsSync(join(DOC_DIR, 'git-stash.txt'))) {
    try {
      execFileSync('apt-get', ['install', '-y', '-q', 'git-doc'], { stdio: 'ignore' });
    } catch (cause) {
      throw new Error(
        `git's manual pages are missing: install them with "apt-get update && apt-get install -y git-doc"`,
        { cause },
      );
    }
  }
  return readdirSync(DOC_DIR)
    .filter((f) => /^git-[a-z0-9-]+\.txt$/.test(f) && !f.includes('--'))
    .sort()
    .map((file) => toManualPage(file.slice(0, -4), readFileSync(join(DOC_DIR, file), 'utf8')));
}

/** AsciiDoc → Markdown, as far as headings and prose go: underlined titles become `#`/`##`/`###` headings. */
function toManualPage(name: string, text: string): ManualPage {
  const lines = text.split('\n');
  const out: string[] = [];
  const levels: Record<string, string> = { '=': '#', '-': '##', '~': '###', '^': '####' };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? '';
    const marker = /^([=\-~^])\1{2,}\s*$/.exec(next)?.[1];
    if (marker && line.trim() !== '' && Math.abs(next.trim().length - line.trim().length) <= 2) {
      out.push(`${levels[marker]} ${line.trim().replace(/\(\d\)$/, '')}`);
      i++;
    } else if (!/^(include::|ifdef::|ifndef::|endif::|\[verse\]|\/\/)/.test(line)) {
      out.push(line);
    }
  }
  const full = out.join('\n');
  const afterDescription = full.indexOf('\n## ', full.indexOf('## DESCRIPTION') + 1);
  const markdown = full.includes('## DESCRIPTION') && afterDescription > 0 ? full.slice(0, afterDescription) : full;
  const summary = new RegExp(`^${name} - (.+)$`, 'm').exec(markdown)?.[1]?.trim() ?? '';
  return { path: `Git/${name}`, summary, markdown };
}

/** Writes every manual page into `wiki`, one commit each. */
export async function importManual(wiki: Wiki, pages: readonly ManualPage[]): Promise<void> {
  const author = { name: 'Bench Importer', email: 'bench@example.com' };
  for (const page of pages) await wiki.writePage(page.path, page.markdown, { author, message: `Import ${page.path}` });
}
