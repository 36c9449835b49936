/**
 * @module Reads V8 CPU profiles (`node --cpu-prof`) and says where the time went: self time per
 * function and per package (a node_modules package, a workspace package, or node's internals).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where the time of one profile went. */
export interface ProfileSummary {
  readonly file: string;
  readonly totalMs: number;
  readonly byPackage: [string, number][];
  readonly byFunction: [string, number][];
}

function packageOf(url: string): string {
  if (!url) return '(native/idle/gc)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const workspace = /\/(apps|packages)\/([^/]+)\//.exec(url);
  if (workspace) return `@wikibot/${workspace[2]}`;
  return url.split('/').slice(-2).join('/');
}

/** Summarises one profile: the `top` biggest packages and functions by self time (ms). */
export function summarizeProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const pkg = packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  });
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { file, totalMs: total, byPackage: sorted(byPackage), byFunction: sorted(byFunction) };
}

/** Summarises every `.cpuprofile` in a directory (one per thread with `--cpu-prof`). */
export function summarizeProfiles(dir: string, top = 12): ProfileSummary[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => summarizeProfile(join(dir, f), top));
}

/** Text rendering of a summary. */
export function renderProfile(s: ProfileSummary): string {
  const rows = (list: [string, number][]) =>
    list.map(([k, v]) => `    ${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n');
  return `${s.file} (${s.totalMs.toFixed(0)} ms sampled)\n  by package:\n${rows(s.byPackage)}\n  by function:\n${rows(s.byFunction)}`;
}
