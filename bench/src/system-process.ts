/**
 * @module Starts a local system in a child process (see system-child.ts) and stops it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

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
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', CHILD, JSON.stringify(options)], {
    cwd: BENCH_DIR,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr = (stderr + c).slice(-20_000)));
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error('local system did not start within 60 s')), 60_000);
    function fail(error: Error): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${stderr.slice(-2000)}`));
    }
    child.on('exit', (code) => fail(new Error(`local system exited with ${code} before serving`)));
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const line = /^READY (.*)$/m.exec(stdout);
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      const info = JSON.parse(line[1]) as { url: string; mcpUrl: string; issuer: string };
      resolvePromise({
        ...info,
        pid: child.pid!,
        child,
        stderr: () => stderr,
        close: () => stopChild(child),
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
