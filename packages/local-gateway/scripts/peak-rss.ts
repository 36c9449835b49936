/**
 * @module Peak resident memory of the local system under warm load: starts it in a child process,
 * drives MCP `tools/list` and wiki page GETs through the gateway at 16 concurrent connections, and
 * prints the child's VmHWM (its high-water mark, gateway + stand-in + function workers).
 *
 * Usage: `node --import tsx scripts/peak-rss.ts [requests=2000] [concurrency-option]`
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CONNECTIONS = 16;

function memoryMB(pid: number): { hwm: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { hwm: Math.round(kb('VmHWM') / 1024), rss: Math.round(kb('VmRSS') / 1024) };
}

async function drive(count: number, send: () => Promise<Response>): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  let left = count;
  async function connection(): Promise<void> {
    while (left > 0) {
      left -= 1;
      const response = await send();
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, connection));
  return statuses;
}

async function child(options: Record<string, unknown>): Promise<void> {
  const { startLocalSystem } = await import('../src/index.js');
  const local = await startLocalSystem(options);
  process.stdout.write(`READY ${JSON.stringify({ url: local.url, mcpUrl: local.mcpUrl, key: local.mcpApiKey })}\n`);
  process.stdin.on('end', () => void local.close().then(() => process.exit(0)));
  process.stdin.resume();
}

async function parent(requests: number, concurrency: number | undefined): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'wikibot-peak-rss-'));
  const options = { port: 0, authPort: 0, dataDir: join(root, 'wiki'), stateDir: root, concurrency };
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), 'child', JSON.stringify(options)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: proc.stdout! });
  const ready = await new Promise<{ url: string; mcpUrl: string; key: string }>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(JSON.parse(line.slice(6)));
    });
    proc.once('exit', (code) => reject(new Error(`local system exited (${code})`)));
  });
  lines.on('line', () => {}); // function log lines: drained, not printed
  const pid = proc.pid!;
  const idle = memoryMB(pid);
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2025-06-18',
    authorization: `Bearer ${ready.key}`,
  };
  let started = Date.now();
  const mcp = await drive(requests, () => fetch(ready.mcpUrl, { method: 'POST', headers, body }));
  const mcpMs = Date.now() - started;
  const afterMcp = memoryMB(pid);
  started = Date.now();
  const wiki = await drive(requests, () =>
    fetch(`${ready.url}/Home`, { headers: { authorization: `Bearer ${ready.key}` } }),
  );
  const wikiMs = Date.now() - started;
  const afterWiki = memoryMB(pid);
  proc.stdin!.end();
  await new Promise((resolve) => proc.once('exit', resolve));
  rmSync(root, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      concurrency: concurrency ?? 'default',
      requests,
      connections: CONNECTIONS,
      idle,
      afterMcp,
      afterWiki,
      mcp,
      wiki,
      mcpRps: Math.round((requests * 1000) / mcpMs),
      wikiRps: Math.round((requests * 1000) / wikiMs),
    }),
  );
}

if (process.argv[2] === 'child') await child(JSON.parse(process.argv[3] ?? '{}'));
else await parent(Number(process.argv[2] ?? 2000), process.argv[3] ? Number(process.argv[3]) : undefined);
