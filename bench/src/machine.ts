/**
 * @module Facts about the machine a run happened on, recorded next to every figure.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, platform, release } from 'node:os';

/** The machine and run a result file describes. */
export interface MachineFacts {
  readonly date: string;
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly nodeVersion: string;
  readonly platform: string;
  readonly totalMemoryMB: number;
  readonly gitVersion: string;
  readonly quick: boolean;
}

/** Collects the machine facts for this run. */
export function machineFacts(quick: boolean): MachineFacts {
  const list = cpus();
  let gitVersion = 'absent';
  try {
    gitVersion = execFileSync('git', ['--version'], { encoding: 'utf8' })
      .trim()
      .replace(/^git version /, '');
  } catch {
    // git is only the comparison floor; a run without it still reports the rest.
  }
  return {
    date: new Date().toISOString(),
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cpuCount: list.length,
    nodeVersion: process.version,
    platform: `${platform()} ${release()}`,
    totalMemoryMB: Math.round(totalmem() / 2 ** 20),
    gitVersion,
    quick,
  };
}
