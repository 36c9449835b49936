/**
 * @module Starts a local system in a child process (see system-child.ts) and stops it again. Its stdout —
 * the functions' per-request log lines — goes to a file, as Lambda's go to CloudWatch through a pipe nobody
 * else waits on: piped into this process, whose event loop is busy generating load, a full pipe stalled
 * the function that was writing (the SDK example server, the peer, writes no line per request). `READY`
 * comes on a pipe of its own (fd 3).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';

const CHILD = fileURLToPath(new URL('./system-child.ts', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Options passed to `startLocalSystem` in the child. */
export interface SystemOptions {
  readonly port: number;
  readonly authPort: number;
  readonly dataDir: string;
  /** Stand-in keys and local secrets; default the data directory's parent. */
  readonly stateDir?: string;
  readonly autoLoginEmail?: string;
  /** Worker threads per function (the gateway's default is 2). */
  readonly concurrency?: number;
  /** Start the Bedrock stand-in (the local system's default: yes). */
  readonly semanticSearch?: boolean;
}

/** A running local system in its own process. */
export interface SystemProcess {
  readonly url: string;
  readonly mcpUrl: string;
  readonly issuer: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Output the child wrote to stderr so far (for error messages). */
  stderr(): string;
  /** The file the child's stdout (the functions' log lines) goes to; removed by `close`. */
  readonly logFile: string;
  close(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

/** Starts `startLocalSystem(options)` in a child process (node run with `nodeArgs`) and waits until it serves. */
export function spawnLocalSystem(
  options: SystemOptions,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<SystemProcess> {
  const logDir = mkdtempSync(join(tmpdir(), 'wikibot-system-log-'));
  const logFile = join(logDir, 'stdout.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', CHILD, JSON.stringify(options)], {
    cwd: BENCH_DIR,
    env: { ...process.env, ...env },
    stdio: ['pipe', logFd, 'pipe', 'pipe'],
  });
  closeSync(logFd);
  const ready = child.stdio[3] as Readable;
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr = (stderr + c).slice(-20_000)));
  const output = () => `${stderr.slice(-2000)}\n${readFileSync(logFile, 'utf8').slice(-2000)}`;
  return new Promise((resolvePromise, reject) => {
    let announced = '';
    const timer = setTimeout(() => fail(new Error('local system did not start within 60 s')), 60_000);
    function fail(error: Error): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output()}`));
    }
    child.on('exit', (code) => {
      fail(new Error(`local system exited with ${code} before serving`));
      rmSync(logDir, { recursive: true, force: true });
    });
    ready.on('data', (chunk) => {
      announced += chunk;
      const line = /^READY (.*)$/m.exec(announced);
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      ready.removeAllListeners('data');
      ready.resume();
      const info = JSON.parse(line[1]) as { url: string; mcpUrl: string; issuer: string };
      resolvePromise({
        ...info,
        pid: child.pid!,
        child,
        logFile,
        stderr: () => stderr,
        close: async () => {
          await stopChild(child);
          rmSync(logDir, { recursive: true, force: true });
        },
      });
    });
  });
}

/** Asks a child to stop (SIGTERM) and kills it if it has not within 10 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}
