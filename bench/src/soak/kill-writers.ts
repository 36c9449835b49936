/**
 * @module Soak (b): a writer process is `kill -9`ed at random moments while another keeps writing to
 * the same repository. After each kill: `git fsck --strict` is clean, every write the killed writer
 * reported done is in the history exactly once, and the survivor writes again within 5 s, with wiki-core's
 * default lock settings (stale after 3 s, heartbeat every 0.5 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Wiki } from '@wikibot/wiki-core';
import { seededRandom } from '../repo-fixture.js';
import { commitsPerSoakId, fsckProblem } from './repo-check.js';

const CHILD = fileURLToPath(new URL('./writer-child.ts', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Counts of soak (b). */
export interface KillReport {
  kills: number;
  victimWritesDone: number;
  survivorWritesDone: number;
  lostWrites: number;
  duplicatedWrites: number;
  fsckFailures: number;
  /** Longest time from a kill to the survivor's next completed write. */
  worstRecoveryMs: number;
  recoveryLimitMs: number;
  problems: string[];
}

interface Writer {
  child: ChildProcess;
  done: string[];
  lastOkAt: number;
}

function startWriter(dir: string, name: string): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, name], {
    cwd: BENCH_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const writer: Writer = { child, done: [], lastOkAt: 0 };
  let buffer = '';
  child.stdout!.on('data', (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('ok ')) {
        writer.done.push(line.slice(3));
        writer.lastOkAt = performance.now();
      }
    }
  });
  child.stderr!.resume();
  return writer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (test()) return true;
    await sleep(10);
  }
  return test();
}

/** The target (issue 10): a crashed writer's lock is taken over within this long, with default settings. */
export const RECOVERY_LIMIT_MS = 5_000;

/**
 * Runs `kills` kill-and-check rounds on a fresh repository in `dir`. `recoveryLimitMs` is the target `npm run soak`
 * reports against; the test in `npm test` passes a looser one, because a timed limit there would fail on a busy CI
 * machine for reasons that are not the lock's (targets live in benchmarks, never in timed tests).
 */
export async function soakKillWriters(
  dir: string,
  kills: number,
  recoveryLimitMs = RECOVERY_LIMIT_MS,
): Promise<KillReport> {
  await Wiki.open({ dir });
  const random = seededRandom(kills * 31 + 7);
  const report: KillReport = {
    kills: 0,
    victimWritesDone: 0,
    survivorWritesDone: 0,
    lostWrites: 0,
    duplicatedWrites: 0,
    fsckFailures: 0,
    worstRecoveryMs: 0,
    recoveryLimitMs,
    problems: [],
  };
  const survivor = startWriter(dir, 'survivor');
  const victims: Writer[] = [];
  try {
    if (!(await waitFor(() => survivor.done.length > 0, 30_000))) throw new Error('the surviving writer never wrote');
    for (let round = 0; round < kills; round++) {
      const victim = startWriter(dir, `victim${round}`);
      victims.push(victim);
      await waitFor(() => victim.done.length > 0, 20_000);
      await sleep(20 + random() * 400);
      const exited = new Promise((r) => victim.child.once('exit', r));
      victim.child.kill('SIGKILL');
      await exited;
      const killedAt = performance.now();
      report.kills++;
      const before = survivor.done.length;
      const recovered = await waitFor(() => survivor.done.length > before, recoveryLimitMs + 5000);
      const recoveryMs = survivor.lastOkAt - killedAt;
      report.worstRecoveryMs = Math.max(report.worstRecoveryMs, recovered ? recoveryMs : Infinity);
      if (!recovered || recoveryMs > recoveryLimitMs)
        report.problems.push(`kill ${round}: survivor wrote again only after ${recoveryMs.toFixed(0)} ms`);
      // fsck walks objects and refs at different moments: pause the survivor so a commit it makes
      // meanwhile cannot look like a missing object. (A write it was in the middle of just waits.)
      survivor.child.kill('SIGSTOP');
      const fsck = fsckProblem(dir);
      survivor.child.kill('SIGCONT');
      if (fsck) {
        report.fsckFailures++;
        report.problems.push(`kill ${round}: ${fsck}`);
      }
    }
  } finally {
    const exited = new Promise((r) => survivor.child.once('exit', r));
    survivor.child.kill('SIGKILL');
    await exited;
  }
  const commits = commitsPerSoakId(dir);
  for (const writer of [survivor, ...victims]) {
    for (const id of writer.done) {
      const n = commits.get(id) ?? 0;
      if (n === 0) report.lostWrites++;
      if (n > 1) report.duplicatedWrites++;
      if (n !== 1) report.problems.push(`write ${id} reported done has ${n} commits`);
    }
  }
  report.victimWritesDone = victims.reduce((a, v) => a + v.done.length, 0);
  report.survivorWritesDone = survivor.done.length;
  const finalFsck = fsckProblem(dir);
  if (finalFsck) {
    report.fsckFailures++;
    report.problems.push(`final: ${finalFsck}`);
  }
  return report;
}
