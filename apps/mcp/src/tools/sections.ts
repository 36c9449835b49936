/**
 * @module One section of a Markdown page, for `read_note(section=…)`: ATX headings outside fenced code
 * blocks, each known by its title and by its path of parent titles joined with " > " (as otterwiki-mcp names
 * them), so "Background" and "Background > Military Strategy" both find a section.
 */

interface Heading {
  readonly level: number;
  readonly title: string;
  readonly path: string;
  readonly line: number;
}

/** A found section, or the section paths the caller can choose from. */
export type SectionLookup = { readonly text: string; readonly path: string } | { readonly choices: readonly string[] };

function headings(lines: readonly string[]): Heading[] {
  const found: Heading[] = [];
  const stack: { level: number; title: string }[] = [];
  let fence: { char: string; length: number } | null = null;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r?\n$/, '');
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (marker) {
      const run = marker[1]!;
      if (!fence) fence = { char: run[0]!, length: run.length };
      else if (run[0] === fence.char && run.length >= fence.length) fence = null;
      return;
    }
    if (fence) return;
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (!heading) return;
    const level = heading[1]!.length;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    stack.push({ level, title: heading[2]!.trim() });
    found.push({ level, title: heading[2]!.trim(), path: stack.map((h) => h.title).join(' > '), line: index });
  });
  return found;
}

/**
 * Finds `query` (a title or a " > " path, case-insensitive; a path may omit leading parents) in `content`.
 * @example findSection('# A\n## B\ntext\n', 'A > B') // { text: '## B\ntext\n', path: 'A > B' }
 */
export function findSection(content: string, query: string): SectionLookup {
  const lines = content.split(/(?<=\n)/);
  const all = headings(lines);
  const wanted = query.trim().toLowerCase();
  const byPath = all.filter((h) => h.path.toLowerCase() === wanted || h.path.toLowerCase().endsWith(` > ${wanted}`));
  const candidates = byPath.length > 0 ? byPath : all.filter((h) => h.title.toLowerCase() === wanted);
  if (candidates.length !== 1) return { choices: (candidates.length > 1 ? candidates : all).map((h) => h.path) };
  const match = candidates[0]!;
  const next = all.find((h) => h.line > match.line && h.level <= match.level);
  return { text: lines.slice(match.line, next?.line ?? lines.length).join(''), path: match.path };
}
