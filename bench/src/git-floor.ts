/**
 * @module The native `git` CLI doing what a wiki operation does: the floor each storage figure is held
 * against. The commands run in one bash process that times each with $EPOCHREALTIME, so the figure is
 * git's own cost (a fresh `git` process per call, as a wiki that shells out to git pays, Otterwiki
 * included) without Node's child-process overhead, which on this VM is larger than git itself.
 */
import { spawnSync } from 'node:child_process';
import type { FixturePage } from './repo-fixture.js';

/** Quotes one word for a POSIX shell. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function gitLine(args: string[]): string {
  return `git ${args.map(shellQuote).join(' ')}`;
}

/**
 * Runs shell snippets in `dir`, one after another, and returns each one's duration in ms. A snippet
 * that fails (other than `git grep` finding nothing, status 1) throws.
 */
export function timeShellSnippets(dir: string, snippets: readonly string[]): number[] {
  const script = snippets
    .map((s) => `t0=$EPOCHREALTIME; { ${s}; } >/dev/null 2>/dev/null; s=$?; t1=$EPOCHREALTIME; echo "$t0 $t1 $s"`)
    .join('\n');
  const result = spawnSync('bash', ['-s'], { cwd: dir, input: script, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`git floor script failed: ${result.stderr.slice(0, 300)}`);
  return result.stdout
    .trim()
    .split('\n')
    .map((line, i) => {
      const [t0, t1, status] = line.split(' ');
      if (status !== '0' && !(status === '1' && snippets[i].startsWith("git 'grep'"))) {
        throw new Error(`git floor command failed (${status}): ${snippets[i].slice(0, 200)}`);
      }
      return (Number(t1) - Number(t0)) * 1000;
    });
}

/** `git show HEAD:<file>`: read one page. */
export function gitRead(page: FixturePage): string {
  return gitLine(['show', `HEAD:${page.file}`]);
}

/** Write the file, `git add`, `git commit`: one page saved as one commit. */
export function gitWrite(page: FixturePage, content: string): string {
  const file = shellQuote(page.file);
  return `printf '%s' ${shellQuote(content)} > ${file} && git add -- ${file} && ${gitLine(['commit', '-q', '--no-verify', '-m', `Update ${page.path}`])}`;
}

/** `git grep -l -i -F <word>` over the work tree: full-text search the way Otterwiki does it. */
export function gitSearch(word: string): string {
  return gitLine(['grep', '-l', '-i', '-F', '-e', word]);
}

/** `git ls-tree -r --name-only HEAD`: list every page. */
export function gitList(): string {
  return gitLine(['ls-tree', '-r', '--name-only', 'HEAD']);
}

/** `git log -n <limit> -- <file>`: a page's latest revisions. */
export function gitHistory(page: FixturePage, limit = 10): string {
  return gitLine(['log', '-n', String(limit), '--format=%H%x09%an%x09%ae%x09%aI%x09%s', '--', page.file]);
}

/** `git log -n <limit> --name-only`: the site changelog. */
export function gitChangelog(limit = 10): string {
  return gitLine(['log', '-n', String(limit), '--name-only', '--format=%H%x09%an%x09%ae%x09%aI%x09%s']);
}
