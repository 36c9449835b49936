/**
 * @module A small pool of Lambda-like execution environments for one function: each is a worker
 * thread with the function's own environment variables (its `process.env`) and a V8 heap capped from the
 * function's `memorySize`, handling one invocation at a time. One warm worker serves a function, like one
 * warm Lambda instance; another starts (up to the pool size) only when requests wait behind workers that
 * are all stuck in long invocations, and extra ones stop after an idle period. Short invocations queue
 * for the warm worker instead: on a small machine a second isolate competes for the same cores and
 * doubles the memory. A worker that crashes, runs out of memory or times out is replaced.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { InvocationError } from './errors.js';

/** What a pool needs to run a function. */
export interface FunctionPoolOptions {
  /** Name used in logs and in the Lambda context. */
  functionName: string;
  /** The unpacked artifact (Lambda's task root). */
  taskRoot: string;
  /** `index.handler`: module file (without extension) and export name. */
  handler: string;
  /** The function's environment, exactly as its `process.env`. */
  environment: Record<string, string>;
  /** Seconds, the function's timeout. */
  timeoutSec: number;
  /** MB, the function's memory; caps each worker's heap (see {@link workerResourceLimits}). Default 128. */
  memorySize?: number;
  /** Most concurrent executions (workers). Default 2; one is kept warm. */
  size?: number;
  /**
   * Start another worker when requests are queued and every worker has been in its current invocation
   * this long. Default 1,000 ms.
   */
  scaleOutAfterMs?: number;
  /** Stop a worker beyond the first after it has been idle this long. Default 10,000 ms. */
  idleStopMs?: number;
  /** Heap limits of each worker; default {@link workerResourceLimits}(`memorySize`). */
  resourceLimits?: ResourceLimits;
}

/** Workers per function when `size` is not given: the most that start under sustained queueing. */
export const DEFAULT_POOL_SIZE = 2;
const DEFAULT_SCALE_OUT_AFTER_MS = 1_000;
const DEFAULT_IDLE_STOP_MS = 10_000;
const DEFAULT_MEMORY_MB = 128;

interface Pending {
  resolve: (payload: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Environment {
  worker: Worker;
  pending?: Pending;
  /** When the current invocation started (ms). */
  since: number;
  /** It has answered an invocation: its cold start and first invocation's lazy setup are not a long invocation. */
  warm: boolean;
  idleTimer?: NodeJS.Timeout;
}

interface Queued {
  event: unknown;
  resolve: (payload: unknown) => void;
  reject: (error: Error) => void;
}

/** What the worker posts back: a JSON result, or (cheaper) a JSON head and the string body apart. */
interface WorkerMessage {
  ok: boolean;
  payload?: string;
  head?: string;
  body?: string;
  error?: { name: string; message: string; stack?: string };
}

const WORKER_SCRIPT = new URL('./lambda-worker.mjs', import.meta.url);

/**
 * Heap limits for a worker of a function with `memorySize` MB, as Lambda's memory setting bounds a
 * function: a young generation of a thirty-second (8–16 MB), and the old generation gets the rest less a
 * sixteenth (at least 16 MB) of headroom for code and the runtime, so a runaway handler dies (a 502)
 * instead of growing the gateway's process. The young generation grows to its cap under load and stays
 * resident: 32 MB per worker cost the local system ~13 MB of peak RSS over 16 MB under the bench's warm
 * load, with no throughput to show for it (a warm request's garbage is small; docs/performance.md).
 *
 * @example
 * ```ts
 * workerResourceLimits(512); // { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 464 }
 * ```
 */
export function workerResourceLimits(memorySize: number): ResourceLimits {
  const young = Math.min(16, Math.max(8, Math.floor(memorySize / 32)));
  const headroom = Math.max(16, Math.floor(memorySize / 16));
  return { maxYoungGenerationSizeMb: young, maxOldGenerationSizeMb: Math.max(16, memorySize - young - headroom) };
}

/** Finds the handler's module file: `index.handler` → `<taskRoot>/index.mjs` (or `.js`, `.cjs`). */
export function resolveHandler(taskRoot: string, handler: string): { entry: string; handlerName: string } {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) throw new InvocationError(`handler "${handler}" is not "<file>.<export>"`);
  const base = handler.slice(0, dot);
  for (const extension of ['.mjs', '.js', '.cjs']) {
    const entry = join(taskRoot, `${base}${extension}`);
    if (existsSync(entry)) return { entry, handlerName: handler.slice(dot + 1) };
  }
  throw new InvocationError(`handler module ${base}.mjs/.js/.cjs not found in ${taskRoot}`);
}

/** Invokes one function's handler in worker threads. */
export class FunctionPool {
  readonly #options: FunctionPoolOptions;
  readonly #entry: { entry: string; handlerName: string };
  readonly #size: number;
  readonly #scaleOutAfterMs: number;
  readonly #idleStopMs: number;
  readonly #environments = new Set<Environment>();
  readonly #idle: Environment[] = [];
  readonly #queue: Queued[] = [];
  #scaleOutTimer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: FunctionPoolOptions) {
    this.#options = options;
    this.#entry = resolveHandler(options.taskRoot, options.handler);
    this.#size = Math.max(1, options.size ?? DEFAULT_POOL_SIZE);
    this.#scaleOutAfterMs = options.scaleOutAfterMs ?? DEFAULT_SCALE_OUT_AFTER_MS;
    this.#idleStopMs = options.idleStopMs ?? DEFAULT_IDLE_STOP_MS;
  }

  /** Workers running now (busy or idle). */
  get workers(): number {
    return this.#environments.size;
  }

  /** Invokes the function with `event` and resolves with its JSON-decoded result (Lambda's response payload). */
  invoke(event: unknown): Promise<unknown> {
    if (this.#closed) return Promise.reject(new InvocationError(`${this.#options.functionName} is shut down`));
    return new Promise((resolve, reject) => {
      this.#queue.push({ event, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops every worker; queued invocations are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#scaleOutTimer);
    for (const queued of this.#queue.splice(0)) queued.reject(new InvocationError('gateway shutting down'));
    await Promise.all(
      [...this.#environments].map((e) => this.#retire(e, new InvocationError('gateway shutting down'))),
    );
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let env = this.#idle.pop();
      if (!env && (this.#environments.size === 0 || this.#stuck())) env = this.#spawn();
      if (!env) return this.#scaleOutLater();
      this.#run(env, this.#queue.shift() as Queued);
    }
  }

  /** Room for another worker, and every worker has been in its current invocation `scaleOutAfterMs`. */
  #stuck(): boolean {
    if (this.#environments.size >= this.#size) return false;
    const now = Date.now();
    for (const env of this.#environments)
      if (!env.warm || !env.pending || now - env.since < this.#scaleOutAfterMs) return false;
    return true;
  }

  /** Looks again when the most recent invocation will have run `scaleOutAfterMs`. */
  #scaleOutLater(): void {
    if (this.#scaleOutTimer || this.#closed || this.#environments.size >= this.#size) return;
    let latest = 0;
    for (const env of this.#environments) {
      // Looked at again when it has answered.
      if (!env.warm) return;
      latest = Math.max(latest, env.since);
    }
    this.#scaleOutTimer = setTimeout(
      () => {
        this.#scaleOutTimer = undefined;
        if (!this.#closed) this.#dispatch();
      },
      Math.max(0, latest + this.#scaleOutAfterMs - Date.now()),
    );
  }

  #spawn(): Environment {
    const { functionName, environment, memorySize = DEFAULT_MEMORY_MB } = this.#options;
    const worker = new Worker(WORKER_SCRIPT, {
      env: environment,
      workerData: { ...this.#entry, functionName, memorySize },
      resourceLimits: this.#options.resourceLimits ?? workerResourceLimits(memorySize),
    });
    const env: Environment = { worker, since: Date.now(), warm: false };
    worker.on('message', (message: WorkerMessage) => this.#settle(env, message));
    const died = (reason: string) => {
      if (!this.#environments.has(env)) return;
      this.#forget(env);
      const pending = env.pending;
      env.pending = undefined;
      if (pending) {
        clearTimeout(pending.timer);
        pending.reject(new InvocationError(`${functionName} ${reason}`));
      }
      if (!this.#closed) this.#dispatch();
    };
    worker.on('error', (error) => died(`crashed: ${error.message}`));
    worker.on('exit', (code) => died(`exited with code ${code}`));
    this.#environments.add(env);
    return env;
  }

  #settle(env: Environment, message: WorkerMessage): void {
    const pending = env.pending;
    if (!pending) return;
    env.warm = true;
    clearTimeout(pending.timer);
    env.pending = undefined;
    this.#release(env);
    if (!message.ok) {
      const error = message.error ?? { name: 'Error', message: 'unknown error' };
      pending.reject(
        new InvocationError(`${this.#options.functionName} failed: ${error.name}: ${error.message}`, { cause: error }),
      );
    } else if (message.head !== undefined) {
      pending.resolve({ ...JSON.parse(message.head), body: message.body });
    } else {
      try {
        pending.resolve(JSON.parse(message.payload ?? 'null'));
      } catch (cause) {
        pending.reject(
          new InvocationError(`${this.#options.functionName} returned a response that is not JSON`, { cause }),
        );
      }
    }
  }

  /** A worker that finished: the next queued request takes it, or it waits (an extra one stops after `idleStopMs`). */
  #release(env: Environment): void {
    const next = this.#queue.shift();
    if (next) {
      this.#run(env, next);
      if (this.#queue.length > 0) this.#scaleOutLater();
      return;
    }
    this.#idle.push(env);
    if (this.#environments.size > 1) {
      env.idleTimer = setTimeout(() => {
        if (this.#environments.size > 1 && !env.pending) void this.#retire(env);
      }, this.#idleStopMs);
      env.idleTimer.unref();
    }
  }

  #run(env: Environment, job: Queued): void {
    clearTimeout(env.idleTimer);
    env.idleTimer = undefined;
    env.since = Date.now();
    const { timeoutSec, functionName } = this.#options;
    const timeoutMs = timeoutSec * 1000;
    env.pending = {
      resolve: job.resolve,
      reject: job.reject,
      timer: setTimeout(() => {
        // Lambda ends a timed-out invocation by discarding the execution environment.
        void this.#retire(env, new InvocationError(`${functionName} timed out after ${timeoutSec} s`));
        this.#dispatch();
      }, timeoutMs),
    };
    env.worker.postMessage({ event: job.event, deadline: env.since + timeoutMs });
  }

  /** Removes a worker from the pool's books (it is no longer idle nor counted). */
  #forget(env: Environment): void {
    this.#environments.delete(env);
    const at = this.#idle.indexOf(env);
    if (at >= 0) this.#idle.splice(at, 1);
    clearTimeout(env.idleTimer);
  }

  async #retire(env: Environment, reason?: Error): Promise<void> {
    this.#forget(env);
    const pending = env.pending;
    env.pending = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(reason ?? new InvocationError(`${this.#options.functionName} stopped`));
    }
    await env.worker.terminate();
  }
}
