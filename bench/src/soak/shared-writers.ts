/**
 * @module Soak (a): two local systems (two Lambda containers) sharing one wiki data directory (one EFS),
 * several MCP clients on each doing `write_note` and `edit_note` at once for a fixed time. Afterwards:
 * every write reported done is in the history exactly once, every edit reported done is in the page's
 * final content (edits never lose each other), every refusal said why, nothing else was committed,
 * and `git fsck --strict` is clean.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../repo-fixture.js';
import { callTool } from '../mcp-rpc.js';
import { startSignedInSystem, type SignedInSystem } from '../signed-in-system.js';
import { commitCount, commitsPerSoakId, fsckProblem, headContent } from './repo-check.js';

/** Counts of soak (a). */
export interface SharedWritersReport {
  seconds: number;
  writesDone: number;
  editsDone: number;
  refused: number;
  /** Refusals by their reason (the start of the tool's error text). */
  refusedBy: Record<string, number>;
  refusedWithoutReason: number;
  /** Requests whose outcome the client could not learn (transport failure); allowed either way. */
  unknown: number;
  lostWrites: number;
  lostEdits: number;
  extraCommits: number;
  fsckClean: boolean;
  problems: string[];
}

const WRITE_PAGES = 6;
const LEDGER_PAGES = 3;
const END = '<!-- end of ledger -->';
const ledgerPath = (i: number) => `Soak/Ledger ${i}`;
const ledgerFile = (i: number) => `soak/ledger ${i}.md`;

function reasonOf(text: string): string {
  return text
    .replace(/"[^"]*"/g, '…')
    .replace(/\d+/g, 'N')
    .slice(0, 60);
}

/** Runs soak (a) for `seconds` with `clientsPerSystem` concurrent clients on each of two systems. */
export async function soakSharedWriters(
  root: string,
  seconds: number,
  clientsPerSystem = 3,
): Promise<SharedWritersReport> {
  const dataDir = join(root, 'wiki');
  mkdirSync(root, { recursive: true });
  const systems: SignedInSystem[] = [];
  const report: SharedWritersReport = {
    seconds,
    writesDone: 0,
    editsDone: 0,
    refused: 0,
    refusedBy: {},
    refusedWithoutReason: 0,
    unknown: 0,
    lostWrites: 0,
    lostEdits: 0,
    extraCommits: 0,
    fsckClean: false,
    problems: [],
  };
  const doneWrites: string[] = [];
  const doneEdits: { id: string; ledger: number }[] = [];
  const uncertain = new Set<string>();
  try {
    systems.push(await startSignedInSystem({ dataDir, stateDir: join(root, 'state-a') }));
    systems.push(await startSignedInSystem({ dataDir, stateDir: join(root, 'state-b') }));
    for (let i = 0; i < LEDGER_PAGES; i++) await systems[0].seed(ledgerPath(i), `# Ledger ${i}\n\n${END}\n`);
    const startCommits = commitCount(dataDir);
    const deadline = Date.now() + seconds * 1000;
    const client = async (system: SignedInSystem, name: string, seed: number) => {
      const random = seededRandom(seed);
      for (let n = 0; Date.now() < deadline; n++) {
        const id = `soak-${name}-${n}`;
        const edit = random() < 0.5;
        const ledger = Math.floor(random() * LEDGER_PAGES);
        try {
          const path = edit ? ledgerPath(ledger) : `Soak/Page ${Math.floor(random() * WRITE_PAGES)}`;
          // As otterwiki-mcp's clients do: read the revision, then write or edit based on it (a page changed in
          // between is a conflict, refused with its reason).
          const read = await callTool(system.mcpUrl, system.token, 'read_note', { path });
          const revision = /^Revision: ([0-9a-f]{40})$/m.exec(read.text)?.[1];
          const outcome = edit
            ? await callTool(system.mcpUrl, system.token, 'edit_note', {
                path,
                revision: revision ?? '0000000',
                old_string: END,
                new_string: `- ${id}\n${END}`,
                commit_message: id,
              })
            : await callTool(system.mcpUrl, system.token, 'write_note', {
                path,
                content: `# Shared page\n\nLast written by ${id}.\n`,
                ...(revision ? { revision } : {}),
                commit_message: id,
              });
          if (outcome.status >= 500) {
            uncertain.add(id);
            report.problems.push(`${id}: HTTP ${outcome.status} ${outcome.text.slice(0, 120)}`);
          } else if (!outcome.isError) {
            if (edit) doneEdits.push({ id, ledger });
            else doneWrites.push(id);
          } else {
            report.refused++;
            const reason = reasonOf(outcome.text);
            report.refusedBy[reason] = (report.refusedBy[reason] ?? 0) + 1;
            if (outcome.text.trim().length < 10) report.refusedWithoutReason++;
          }
        } catch (error) {
          uncertain.add(id);
          report.unknown++;
          report.problems.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
    const clients: Promise<void>[] = [];
    systems.forEach((system, s) => {
      for (let c = 0; c < clientsPerSystem; c++) clients.push(client(system, `${'ab'[s]}${c}`, s * 100 + c + 1));
    });
    await Promise.all(clients);
    report.writesDone = doneWrites.length;
    report.editsDone = doneEdits.length;

    const commits = commitsPerSoakId(dataDir);
    for (const id of [...doneWrites, ...doneEdits.map((e) => e.id)]) {
      const count = commits.get(id) ?? 0;
      if (count !== 1) {
        if (doneWrites.includes(id)) report.lostWrites++;
        report.problems.push(`${id} reported done has ${count} commits`);
      }
    }
    for (let i = 0; i < LEDGER_PAGES; i++) {
      const content = headContent(dataDir, ledgerFile(i)) ?? '';
      for (const edit of doneEdits.filter((e) => e.ledger === i)) {
        const occurrences = content.split(`- ${edit.id}\n`).length - 1;
        if (occurrences !== 1) {
          report.lostEdits++;
          report.problems.push(`edit ${edit.id} appears ${occurrences} times in ${ledgerPath(i)}`);
        }
      }
    }
    // Every commit since the start names a write or edit that was reported done (or whose answer was lost).
    const done = new Set([...doneWrites, ...doneEdits.map((e) => e.id)]);
    const newCommits = commitCount(dataDir) - startCommits;
    const accounted = [...commits].filter(([id]) => done.has(id) || uncertain.has(id)).reduce((a, [, n]) => a + n, 0);
    report.extraCommits = newCommits - accounted;
    if (report.extraCommits !== 0) report.problems.push(`${newCommits} commits for ${accounted} accounted writes`);
    const fsck = fsckProblem(dataDir);
    report.fsckClean = fsck === undefined;
    if (fsck) report.problems.push(fsck);
    if (report.refusedWithoutReason) report.problems.push(`${report.refusedWithoutReason} refusals said no reason`);
    return report;
  } finally {
    await Promise.all(systems.map((s) => s.close()));
  }
}
