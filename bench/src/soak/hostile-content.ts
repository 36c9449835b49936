/**
 * @module Soak (d), hostile content (issue 9): 1 MB pages of every hostile shape, a page whose revisions differ
 * everywhere, and `X.md.md`-style names, written through MCP `write_note`, the REST API and the browser's edit
 * form of a running local system. Afterwards `/-/healthz`, `read_note` of a hostile page and a delete must each
 * answer within the limit — then again in a restarted system, and in one started after its index caches were
 * deleted (so it re-indexes every hostile page). No 5xx anywhere; history and diff views at most 1 MB; fsck clean.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hostilePages } from '../hostile-pages.js';
import { callRpc, callTool } from '../mcp-rpc.js';
import { startSignedInSystem, type SignedInSystem } from '../signed-in-system.js';
import { BrowserSession } from './browser-session.js';
import { fsckProblem } from './repo-check.js';

/** What soak (d) found. */
export interface HostileContentReport {
  /** Pages written, by channel and outcome (HTTP status or tool outcome). */
  readonly writes: Record<string, Record<string, number>>;
  /** Each probe: which system, what, how long, whether it answered correctly. */
  readonly probes: { readonly system: SystemState; readonly what: string; readonly ms: number; readonly ok: boolean }[];
  readonly limitMs: number;
  readonly problems: string[];
}

/** Which system a probe ran against: the one written to, a restarted one, one that rebuilt its index caches. */
type SystemState = 'running' | 'restarted' | 'rebuilt';

const CHANNELS = ['mcp', 'rest', 'browser'] as const;
type Channel = (typeof CHANNELS)[number];
const MB = 1_000_000;

/** Writes one page through one channel; the outcome as a short word (`ok`, a 4xx, `5xx ...`, `tool error`). */
async function write(
  system: SignedInSystem,
  browser: BrowserSession,
  channel: Channel,
  path: string,
  content: string,
): Promise<string> {
  if (channel === 'mcp') {
    const outcome = await callTool(system.mcpUrl, system.token, 'write_note', {
      path,
      content,
      commit_message: 'hostile soak',
    });
    if (outcome.status >= 500) return `5xx ${outcome.status}`;
    return outcome.isError ? 'tool error' : 'ok';
  }
  const response =
    channel === 'rest'
      ? await fetch(new URL(`/api/v1/pages/${path.split('/').map(encodeURIComponent).join('/')}`, system.url), {
          method: 'PUT',
          headers: { authorization: `Bearer ${system.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ content, commit_message: 'hostile soak' }),
        })
      : await browser.createPage(path, content);
  await response.arrayBuffer();
  if (response.status >= 500) return `5xx ${response.status}`;
  return response.status < 400 ? 'ok' : String(response.status);
}

/** Times `run`; a probe is correct when `run` resolves true within `limitMs`. */
async function probe(
  report: HostileContentReport,
  system: SystemState,
  what: string,
  run: () => Promise<boolean>,
): Promise<void> {
  const started = performance.now();
  const ok = await run().catch(() => false);
  const ms = performance.now() - started;
  report.probes.push({ system, what, ms, ok });
  if (!ok) report.problems.push(`${system} system: ${what} did not answer correctly`);
  else if (ms > report.limitMs)
    report.problems.push(`${system} system: ${what} took ${ms.toFixed(0)} ms (limit ${report.limitMs} ms)`);
}

/** healthz, read_note of one hostile page, delete_note of another: the requests the poisoned page used to wedge. */
async function probeAll(
  report: HostileContentReport,
  which: SystemState,
  system: SignedInSystem,
  read: string,
  remove: string,
): Promise<void> {
  // Start both functions' workers first (routes that open no wiki): a worker's own cold start is not what is probed.
  await (await fetch(new URL('/-/static/wiki.css', system.url))).arrayBuffer();
  await callRpc(system.mcpUrl, system.token, 'tools/list');
  await probe(
    report,
    which,
    'GET /-/healthz',
    async () => (await fetch(new URL('/-/healthz', system.url))).status === 200,
  );
  await probe(
    report,
    which,
    `read_note ${read}`,
    async () => !(await callTool(system.mcpUrl, system.token, 'read_note', { path: read })).isError,
  );
  await probe(
    report,
    which,
    `delete_note ${remove}`,
    async () => !(await callTool(system.mcpUrl, system.token, 'delete_note', { path: remove })).isError,
  );
}

/**
 * Writes a page whose two revisions differ in every line (MCP, then REST with the revision read), then checks its
 * views.
 */
async function hugeDiff(report: HostileContentReport, system: SignedInSystem): Promise<void> {
  const lines = (tag: string): string => Array.from({ length: 8000 }, (_, i) => `<${tag}> ${i} [[x`).join('\n');
  const created = await callTool(system.mcpUrl, system.token, 'write_note', {
    path: 'Hostile/Huge Changes',
    content: lines('old'),
  });
  if (created.isError) report.problems.push(`write_note Hostile/Huge Changes: ${created.text.slice(0, 200)}`);
  const api = new URL('/api/v1/pages/Hostile/Huge%20Changes', system.url);
  const auth = { authorization: `Bearer ${system.token}` };
  const { revision } = (await (await fetch(api, { headers: auth })).json()) as { revision?: string };
  const replaced = await fetch(api, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ content: lines('new'), revision }),
  });
  if (replaced.status !== 200)
    report.problems.push(`PUT Hostile/Huge Changes: ${replaced.status} ${(await replaced.text()).slice(0, 200)}`);
  const history = await fetch(new URL('/Hostile/Huge%20Changes/history', system.url));
  const html = await history.text();
  const revisions = [...html.matchAll(/\/Hostile\/Huge%20Changes\/revision\/([0-9a-f]{40})/g)].map((m) => m[1]!);
  if (history.status !== 200 || html.length > MB || revisions.length < 2) {
    report.problems.push(
      `history of Hostile/Huge Changes: ${history.status}, ${html.length} characters, ${revisions.length} revisions`,
    );
    return;
  }
  const diff = await fetch(new URL(`/Hostile/Huge%20Changes/diff?from=${revisions[1]}&to=${revisions[0]}`, system.url));
  const body = await diff.text();
  if (diff.status !== 200 || body.length > MB)
    report.problems.push(`diff of Hostile/Huge Changes: ${diff.status}, ${body.length} characters`);
}

/** Runs soak (d) with `shapes` hostile shapes (all when omitted) under `root`. */
export async function soakHostileContent(
  root: string,
  options: { shapes?: number; limitMs?: number } = {},
): Promise<HostileContentReport> {
  const report: HostileContentReport = { writes: {}, probes: [], limitMs: options.limitMs ?? 1000, problems: [] };
  const dataDir = join(root, 'wiki');
  const shapes = Object.entries(hostilePages()).slice(0, options.shapes);
  const names = shapes.map((_, i) => `Hostile/Shape ${i}`);
  let system = await startSignedInSystem({ dataDir, stateDir: join(root, 'state') });
  try {
    const browser = new BrowserSession(new URL(system.url).origin);
    await browser.signIn();
    const count = (channel: string, outcome: string): void => {
      const counts = (report.writes[channel] ??= {});
      counts[outcome] = (counts[outcome] ?? 0) + 1;
      if (outcome.startsWith('5xx')) report.problems.push(`${channel} write answered ${outcome}`);
    };
    for (const [i, [, content]] of shapes.entries()) {
      const channel = CHANNELS[i % CHANNELS.length]!;
      count(channel, await write(system, browser, channel, names[i]!, content));
    }
    for (const channel of CHANNELS) {
      for (const name of [`Hostile/${channel}.md.md`, `Hostile/${channel}.md.md.md`, `Hostile/${channel}.MD`]) {
        count(channel, await write(system, browser, channel, name, `# ${name}\n`));
      }
    }
    await hugeDiff(report, system);
    // read_note always reads the first shape (the run of `[` that wedged every process); each probe deletes another
    // page.
    const deletable = [...names.slice(1), 'Hostile/Huge Changes'];
    for (let i = deletable.length; i < 3; i++) {
      deletable.push(`Hostile/Delete me ${i}`);
      await system.seed(deletable[i]!, 'to be deleted');
    }
    await probeAll(report, 'running', system, names[0]!, deletable.shift()!);
    await system.close();
    system = await startSignedInSystem({ dataDir, stateDir: join(root, 'state-restarted') });
    await probeAll(report, 'restarted', system, names[0]!, deletable.shift()!);
    await system.close();
    // A start that must index every hostile page again: the caches are disposable, so delete them.
    const meta = join(dataDir, '.git', 'wikibot');
    for (const file of readdirSync(meta)) if (/^(index|search)-v\d+\.json$/.test(file)) rmSync(join(meta, file));
    system = await startSignedInSystem({ dataDir, stateDir: join(root, 'state-rebuilt') });
    await probeAll(report, 'rebuilt', system, names[0]!, deletable.shift()!);
  } finally {
    await system.close();
  }
  const fsck = fsckProblem(dataDir);
  if (fsck) report.problems.push(`git fsck --strict: ${fsck}`);
  return report;
}
