/**
 * Runs the real `npm start` from the repository root, as a user does, in its own process group (so a test can
 * hang it up like a closed terminal and make sure nothing it started is left behind).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../../src/index.js';

export interface NpmStart {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with npm's exit code and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once `text` has been printed (rejects if npm exits first). */
  printed(text: string | RegExp): Promise<string>;
}

/** `npm start` with `env` added to this process's environment. */
export function npmStart(env: Record<string, string>, cwd = REPO_ROOT): NpmStart {
  // Jest sets NODE_ENV=test; a user's shell does not, and turbo would rebuild everything for the difference.
  const { NODE_ENV: _jest, ...userEnv } = process.env;
  const child = spawn('npm', ['start'], {
    cwd,
    env: { ...userEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    printed: (text) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (typeof text === 'string' ? output.includes(text) : text.test(output)) {
            listeners.delete(check);
            resolve(output);
          }
        };
        listeners.add(check);
        check();
        void exited.then(({ code, signal }) =>
          reject(new Error(`npm start exited (${code ?? signal}) before printing ${text}:\n${output}`)),
        );
      }),
  };
}

/** Whether any process of the group led by `pid` is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills whatever is left of the group (cleanup after a failed test). */
export function killGroup(pid: number | undefined): void {
  if (pid !== undefined && groupAlive(pid)) process.kill(-pid, 'SIGKILL');
}
