/**
 * @module Resident memory of a process tree, read from /proc: the current total (sampled while a load
 * runs) and each process's own high-water mark (VmHWM). The esbuild service tsx starts is left out: it
 * is the TypeScript loader of the local run, not part of the gateway or the handlers.
 */
import { readFileSync, readdirSync } from 'node:fs';

function status(pid: number): Record<string, string> | undefined {
  try {
    const out: Record<string, string> = {};
    for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
      const at = line.indexOf(':');
      if (at > 0) out[line.slice(0, at)] = line.slice(at + 1).trim();
    }
    return out;
  } catch {
    return undefined;
  }
}

function children(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list) out.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    // The process is gone.
  }
  return out;
}

/** The pids of a process and all its descendants, without esbuild services. */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift()!;
    const s = status(next);
    if (!s) continue;
    if (s.Name !== 'esbuild') out.push(next);
    queue.push(...children(next));
  }
  return out;
}

function kb(value: string | undefined): number {
  return value ? Number.parseInt(value, 10) : 0;
}

/** Memory of a process tree in MB: the current resident total and the sum of each process's peak. */
export function treeMemory(pid: number): { rssMB: number; peakMB: number; processes: number } {
  let rss = 0;
  let peak = 0;
  const pids = processTree(pid);
  for (const p of pids) {
    const s = status(p);
    rss += kb(s?.VmRSS);
    peak += kb(s?.VmHWM);
  }
  return { rssMB: rss / 1024, peakMB: peak / 1024, processes: pids.length };
}

/** Samples a tree's resident total every `intervalMs` until stopped; returns the largest total seen. */
export function sampleTreeMemory(pid: number, intervalMs = 100): { stop(): number } {
  let max = treeMemory(pid).rssMB;
  const timer = setInterval(() => {
    max = Math.max(max, treeMemory(pid).rssMB);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(max, treeMemory(pid).rssMB);
    },
  };
}
