/**
 * Spawning writer processes (tests/helpers/writer.ts under tsx) and reading their event lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const TSX = require.resolve('tsx');
const WRITER = fileURLToPath(new URL('./writer.ts', import.meta.url));

/** A running writer and the lines it printed so far. */
export interface Writer {
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Resolves when the process exits. */
  readonly exited: Promise<number | null>;
  /** Resolves with the first line starting with `prefix`. */
  waitFor(prefix: string): Promise<string>;
}

export function startWriter(...args: string[]): Writer {
  const child = spawn(process.execPath, ['--import', TSX, WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => line.startsWith(x.prefix))) w.resolve(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    waitFor: (prefix) =>
      new Promise((resolve, reject) => {
        const found = lines.find((l) => l.startsWith(prefix));
        if (found) return resolve(found);
        waiters.push({ prefix, resolve });
        void exited.then(() => reject(new Error(`writer exited before "${prefix}": ${stderr.slice(-2000)}`)));
      }),
  };
}
