/**
 * @module The workspace command's child processes and how they stop. SIGINT, SIGTERM and SIGHUP are passed
 * to the running child, which shuts down and exits; this process then exits 0. When the parent goes away
 * without a signal reaching us (npm does not pass SIGHUP on; a terminal closed; kill -9), that counts as
 * SIGHUP, so nothing is left holding ports.
 */
import { spawn } from 'node:child_process';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let current = null;
let stopping = null;

/** Signals the current child: a quiet step's whole process group (turbo's launcher ignores signals itself). */
function signalCurrent(signal) {
  if (!current) return;
  try {
    if (current.ownGroup) process.kill(-current.pid, signal);
    else current.kill(signal);
  } catch {
    current.kill(signal);
  }
}

function stop(signal) {
  if (stopping) return;
  stopping = signal;
  if (current) signalCurrent(signal);
  else process.exit(0);
}

/** Installs the handlers once; call before the first child starts. */
export function forwardStopSignals() {
  for (const signal of SIGNALS) process.on(signal, () => stop(signal));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('SIGHUP');
  }, 250).unref();
}

/** The signal that asked us to stop, if one did. */
export function stopRequested() {
  return stopping;
}

/**
 * Runs a command to its end. `quiet` collects its output instead of showing it (returned as `output`, to be
 * shown when it fails). Resolves with the exit status; a child stopped by our signal counts as 0.
 */
export function runChild(command, args, { cwd, env, quiet = false }) {
  return new Promise((resolve, reject) => {
    // A quiet step (install, build) runs in its own process group, so stopping reaches every process under it.
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      detached: quiet,
    });
    child.ownGroup = quiet;
    current = child;
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      current = null;
      if (stopping) resolve({ status: 0, output, stopped: stopping });
      else resolve({ status: code ?? (signal ? 128 + 1 : 1), output, stopped: null });
    });
    if (stopping) signalCurrent(stopping);
  });
}
