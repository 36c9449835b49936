/**
 * @module CPU time of a process (all its threads: a local system's gateway and function workers alike),
 * read from /proc. On a machine shared with other work, throughput moves with what else runs; the CPU a
 * server spends per request moves much less, so the bench reports both.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ; 100 on Linux everywhere in practice). */
const TICKS_PER_SECOND = 100;

/** User + system CPU time of `pid` so far, in ms; undefined when the process is gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) — utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Runs `work` and returns its result with the CPU ms `pid` spent meanwhile. */
export async function withCpu<T>(pid: number | undefined, work: () => Promise<T>): Promise<[T, number | undefined]> {
  const before = pid === undefined ? undefined : cpuMs(pid);
  const result = await work();
  const after = pid === undefined ? undefined : cpuMs(pid);
  return [result, before === undefined || after === undefined ? undefined : after - before];
}
