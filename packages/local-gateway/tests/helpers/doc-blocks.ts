/**
 * The runnable shell blocks of a Markdown document: every fenced block whose language is `sh`, in order.
 * A block the tests cannot run here is marked on the line before its fence with
 * `<!-- docs-test: skip — <reason> -->`; the test then reports it skipped with that reason.
 */
import { readFileSync } from 'node:fs';

export interface DocBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly text: string;
  /** Why the block is not run here, if it is marked. */
  readonly skip?: string;
}

const SKIP = /^<!--\s*docs-test:\s*skip\s*[—-]\s*(.+?)\s*-->$/;

/** The `sh` blocks of `file`. */
export function shellBlocks(file: string): DocBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const fence = /^```(\w*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`${file}:${i + 1}: unclosed code block`);
    if (fence[1] === 'sh') {
      // The marker is the nearest non-blank line above the fence (Prettier puts a blank line after an HTML comment).
      let above = i - 1;
      while (above >= 0 && lines[above]!.trim() === '') above -= 1;
      const skip = SKIP.exec(lines[above]?.trim() ?? '')?.[1];
      blocks.push({ line: i + 1, text: lines.slice(i + 1, end).join('\n'), skip });
    }
    i = end;
  }
  return blocks;
}
