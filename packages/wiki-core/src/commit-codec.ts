/**
 * @module Commit objects: parsing what the wiki reads (tree, parents, author, message) and serialising the commits
 * it writes (author = committer, UTC).
 */

/** A parsed commit. */
export interface ParsedCommit {
  readonly tree: string;
  readonly parents: string[];
  readonly author: { name: string; email: string; timestamp: number };
  readonly message: string;
}

/** Parses commit object content (extra headers such as `gpgsig` are skipped). */
export function parseCommit(body: Buffer): ParsedCommit {
  const text = body.toString('utf8');
  const split = text.indexOf('\n\n');
  const headers = (split < 0 ? text : text.slice(0, split)).split('\n');
  let tree = '';
  const parents: string[] = [];
  let author = { name: '', email: '', timestamp: 0 };
  for (const line of headers) {
    if (line.startsWith('tree ')) tree = line.slice(5);
    else if (line.startsWith('parent ')) parents.push(line.slice(7));
    else if (line.startsWith('author ')) author = parseIdent(line.slice(7));
  }
  return { tree, parents, author, message: split < 0 ? '' : text.slice(split + 2) };
}

function parseIdent(ident: string): { name: string; email: string; timestamp: number } {
  const m = /^(.*?)\s*<([^>]*)>\s*(\d+)?/.exec(ident);
  return m ? { name: m[1]!, email: m[2]!, timestamp: Number(m[3] ?? 0) } : { name: ident, email: '', timestamp: 0 };
}

/** Serialises a commit (author = committer, UTC). */
export function serializeCommit(commit: {
  tree: string;
  parent: string | null;
  author: { name: string; email: string };
  timestamp: number;
  message: string;
}): Buffer {
  const ident = `${commit.author.name} <${commit.author.email}> ${commit.timestamp} +0000`;
  const parent = commit.parent ? `parent ${commit.parent}\n` : '';
  return Buffer.from(`tree ${commit.tree}\n${parent}author ${ident}\ncommitter ${ident}\n\n${commit.message}`, 'utf8');
}
