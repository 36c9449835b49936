/**
 * @module The four soaks in sequence, each on its own fresh directories, and the verdict: any lost
 * write, lost edit, extra commit, fsck complaint, slow lock recovery, 5xx, crash or wrongly answered
 * fuzz case makes the run fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { soakFuzz, type FuzzReport } from './fuzz.js';
import { soakHostileContent, type HostileContentReport } from './hostile-content.js';
import { soakKillWriters, type KillReport } from './kill-writers.js';
import { soakSharedWriters, type SharedWritersReport } from './shared-writers.js';

/** How long and how hard each soak runs. */
export interface SoakSettings {
  readonly seconds: number;
  readonly kills: number;
  readonly fuzzCases: number;
  /** Progress lines (stderr by default). */
  readonly log?: (line: string) => void;
}

/** Everything a soak run found. */
export interface SoakReport {
  readonly shared: SharedWritersReport;
  readonly kills: KillReport;
  readonly fuzz: FuzzReport;
  readonly hostile: HostileContentReport;
  /** Why the run failed; empty when it passed. */
  readonly failures: string[];
}

/** Runs soaks (a), (b), (c) and (d). */
export async function runSoak(settings: SoakSettings): Promise<SoakReport> {
  const log = settings.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const root = mkdtempSync(join(tmpdir(), 'wikibot-soak-'));
  try {
    log(`(a) two local systems sharing one data directory, ${settings.seconds} s of concurrent write_note/edit_note…`);
    const shared = await soakSharedWriters(join(root, 'shared'), settings.seconds);
    log(`(b) kill -9 of a writer, ${settings.kills} times…`);
    const kills = await soakKillWriters(join(root, 'kills', 'wiki'), settings.kills);
    log(`(c) ${settings.fuzzCases} hostile requests…`);
    const fuzz = await soakFuzz(join(root, 'fuzz'), settings.fuzzCases);
    log('(d) 1 MB hostile pages through MCP, REST and the browser form, then healthz, read_note and delete…');
    const hostile = await soakHostileContent(join(root, 'hostile'));
    const failures = [
      ...shared.problems.map((p) => `(a) ${p}`),
      ...(shared.writesDone + shared.editsDone === 0 ? ['(a) no write completed'] : []),
      ...kills.problems.map((p) => `(b) ${p}`),
      ...(kills.kills < settings.kills ? [`(b) only ${kills.kills} of ${settings.kills} kills happened`] : []),
      ...fuzz.examples.map((p) => `(c) ${p}`),
      ...(fuzz.failures && !fuzz.examples.length ? [`(c) ${fuzz.failures} failures`] : []),
      ...hostile.problems.map((p) => `(d) ${p}`),
    ];
    return { shared, kills, fuzz, hostile, failures };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The counts, as printed by `npm run soak`. */
export function renderSoakReport(r: SoakReport): string {
  const a = r.shared;
  const b = r.kills;
  const c = r.fuzz;
  const d = r.hostile;
  const lines = [
    `(a) shared data directory, ${a.seconds} s: ${a.writesDone} writes + ${a.editsDone} edits done, ${a.refused} refused (${a.refusedWithoutReason} without a reason), ${a.unknown} unknown;`,
    `    lost writes ${a.lostWrites}, lost edits ${a.lostEdits}, commits not matching a write ${a.extraCommits}, git fsck --strict ${a.fsckClean ? 'clean' : 'FAILED'}`,
    ...Object.entries(a.refusedBy).map(([reason, n]) => `    refused ${n}×: ${reason}`),
    `(b) kill -9: ${b.kills} kills; victims' writes done ${b.victimWritesDone}, survivor's ${b.survivorWritesDone}; lost ${b.lostWrites}, duplicated ${b.duplicatedWrites};`,
    `    fsck failures ${b.fsckFailures}; worst lock recovery ${b.worstRecoveryMs.toFixed(0)} ms (limit ${b.recoveryLimitMs} ms)`,
    `(c) fuzz: ${c.cases} cases, ${c.failures} wrongly answered, ${c.serverErrors} 5xx, ` +
      `${c.invokeRefusals} over Lambda's 6 MiB refused as AWS does (500), ${c.crashes} crashes`,
    ...Object.entries(c.byCategory).map(
      ([category, outcomes]) =>
        `    ${category.padEnd(28)} ${Object.values(outcomes)
          .reduce((x, y) => x + y, 0)
          .toString()
          .padStart(6)}: ${Object.entries(outcomes)
          .map(([o, n]) => `${o} ${n}`)
          .join(', ')}`,
    ),
    `(d) hostile content: writes ${Object.entries(d.writes)
      .map(([ch, o]) => `${ch} ${JSON.stringify(o)}`)
      .join(', ')};`,
    ...d.probes.map(
      (p) =>
        `    ${p.system.padEnd(7)} ${p.what.padEnd(40)} ${p.ms.toFixed(0).padStart(6)} ms ${p.ok ? 'ok' : 'WRONG'} (limit ${d.limitMs} ms)`,
    ),
    r.failures.length
      ? `FAILED:\n${r.failures
          .slice(0, 40)
          .map((f) => `  - ${f}`)
          .join('\n')}`
      : 'PASSED: nothing lost, nothing crashed, every hostile request refused clearly',
  ];
  return lines.join('\n');
}
