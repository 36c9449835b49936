/**
 * @module The peer a user would pick instead: the MCP SDK's own stateless Streamable HTTP example server
 * (express), run unchanged as a child process on loopback.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { callRpc } from './mcp-rpc.js';
import { freePort, stopChild } from './system-process.js';

const PRELOAD = fileURLToPath(new URL('./sdk-peer-listen.mjs', import.meta.url));

/** Where the SDK ships the example (its package exports hide dist/, so resolve from package.json). */
export function sdkExamplePath(): string {
  const require = createRequire(import.meta.url);
  const cjsEntry = require.resolve('@modelcontextprotocol/sdk/server/index.js');
  const distDir = cjsEntry.slice(0, cjsEntry.lastIndexOf('/dist/') + '/dist/'.length);
  return join(distDir, 'esm', 'examples', 'server', 'simpleStatelessStreamableHttp.js');
}

/** A running SDK example server. */
export interface SdkPeer {
  readonly mcpUrl: string;
  readonly pid: number;
  close(): Promise<void>;
}

/** Starts the SDK example server and waits until it answers `tools/list`. */
export async function startSdkPeer(): Promise<SdkPeer> {
  const port = await freePort();
  const example = sdkExamplePath();
  const child = spawn(process.execPath, ['--import', PRELOAD, example], {
    cwd: dirname(example),
    env: { ...process.env, BENCH_PEER_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const mcpUrl = `http://127.0.0.1:${port}/mcp`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`SDK example server exited with ${child.exitCode}`);
    try {
      const answer = await callRpc(mcpUrl, undefined, 'tools/list');
      if (answer.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error('SDK example server did not answer tools/list within 20 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { mcpUrl, pid: child.pid!, close: () => stopChild(child) };
}
