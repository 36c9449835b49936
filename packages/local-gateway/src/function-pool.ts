/**
 * @module A small pool of Lambda-like execution environments for one function: each is a worker
 * thread with the function's own environment variables (its `process.env`), handling one invocation at
 * a time. Workers start on demand up to the pool size, as Lambda scales out; one that crashes or times
 * out is replaced.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
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
  memorySize?: number;
  /** Concurrent executions (workers). Default 2. */
  size?: number;
}

interface Pending {
  resolve: (payload: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Environment {
  worker: Worker;
  busy: boolean;
  pending?: Pending;
}

interface Queued {
  event: unknown;
  resolve: (payload: unknown) => void;
  reject: (error: Error) => void;
}

const WORKER_SCRIPT = new URL('./lambda-worker.mjs', import.meta.url);

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
  readonly #environments = new Set<Environment>();
  readonly #queue: Queued[] = [];
  #nextId = 0;
  #closed = false;

  constructor(options: FunctionPoolOptions) {
    this.#options = options;
    this.#entry = resolveHandler(options.taskRoot, options.handler);
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
    for (const queued of this.#queue.splice(0)) queued.reject(new InvocationError('gateway shutting down'));
    await Promise.all([...this.#environments].map((e) => this.#retire(e, new InvocationError('gateway shutting down'))));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let environment = [...this.#environments].find((e) => !e.busy);
      if (!environment && this.#environments.size < (this.#options.size ?? 2)) environment = this.#spawn();
      if (!environment) return;
      this.#run(environment, this.#queue.shift() as Queued);
    }
  }

  #spawn(): Environment {
    const { functionName, environment, memorySize } = this.#options;
    const worker = new Worker(WORKER_SCRIPT, {
      env: environment,
      workerData: { ...this.#entry, functionName, memorySize: memorySize ?? 128 },
    });
    const env: Environment = { worker, busy: false };
    worker.on('message', (message: { id: number; ok: boolean; payload?: string; error?: { name: string; message: string; stack?: string } }) => {
      const pending = env.pending;
      if (!pending) return;
      clearTimeout(pending.timer);
      env.pending = undefined;
      env.busy = false;
      if (message.ok) {
        try {
          pending.resolve(JSON.parse(message.payload ?? 'null'));
        } catch (cause) {
          pending.reject(new InvocationError(`${functionName} returned a response that is not JSON`, { cause }));
        }
      } else {
        const error = message.error ?? { name: 'Error', message: 'unknown error' };
        pending.reject(new InvocationError(`${functionName} failed: ${error.name}: ${error.message}`, { cause: error }));
      }
      this.#dispatch();
    });
    const died = (reason: string) => {
      if (!this.#environments.has(env)) return;
      this.#environments.delete(env);
      env.pending?.reject(new InvocationError(`${functionName} ${reason}`));
      if (env.pending) clearTimeout(env.pending.timer);
      env.pending = undefined;
      if (!this.#closed) this.#dispatch();
    };
    worker.on('error', (error) => died(`crashed: ${error.message}`));
    worker.on('exit', (code) => died(`exited with code ${code}`));
    this.#environments.add(env);
    return env;
  }

  #run(env: Environment, job: Queued): void {
    const timeoutMs = this.#options.timeoutSec * 1000;
    env.busy = true;
    const id = (this.#nextId += 1);
    env.pending = {
      resolve: job.resolve,
      reject: job.reject,
      timer: setTimeout(() => {
        // Lambda ends a timed-out invocation by discarding the execution environment.
        void this.#retire(env, new InvocationError(`${this.#options.functionName} timed out after ${this.#options.timeoutSec} s`));
        this.#dispatch();
      }, timeoutMs),
    };
    env.worker.postMessage({ id, event: job.event, deadline: Date.now() + timeoutMs });
  }

  async #retire(env: Environment, reason: Error): Promise<void> {
    this.#environments.delete(env);
    if (env.pending) {
      clearTimeout(env.pending.timer);
      env.pending.reject(reason);
      env.pending = undefined;
    }
    await env.worker.terminate();
  }
}
