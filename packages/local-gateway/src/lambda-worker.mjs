/**
 * One Lambda execution environment inside a worker thread: imports the unpacked handler module once,
 * then answers invocations one at a time. Results travel as Lambda returns them, JSON-serialized; a
 * plain result's string body travels apart, as is, so it is not escaped and parsed again on the way.
 * The function's log lines go straight to the process's stdout and stderr (one write each), not
 * through the worker's stdio streams, which post every chunk to the gateway's thread.
 * Plain JavaScript so it runs the same under tsx, jest and node.
 */
/* global Buffer, process, queueMicrotask */
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const { entry, handlerName, functionName, memorySize } = workerData;

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `bytes` to `fd`, waiting out a full non-blocking pipe (EAGAIN) so lines stay whole and in order. */
function writeAll(fd, bytes) {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if (error?.code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

/** Replaces `stream.write` with a synchronous write to `fd` (what the main thread does for files and pipes). */
function writeDirectly(stream, fd) {
  const piped = stream.write.bind(stream);
  stream.write = (chunk, encoding, callback) => {
    const done = typeof encoding === 'function' ? encoding : callback;
    try {
      writeAll(
        fd,
        typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk,
      );
    } catch {
      // Not writable directly (a closed descriptor, say): the worker's own stream.
      return piped(chunk, encoding, callback);
    }
    if (done) queueMicrotask(() => done(null));
    return true;
  };
}
writeDirectly(process.stdout, 1);
writeDirectly(process.stderr, 2);

const handlerPromise = import(pathToFileURL(entry).href).then((module) => {
  const handler = module[handlerName];
  if (typeof handler !== 'function') throw new Error(`${entry} does not export a function "${handlerName}"`);
  return handler;
});
// Keep an init failure from being reported as unhandled before the first invocation asks for it.
handlerPromise.catch(() => {});

function describe(error) {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

/** The message for a result: head and body apart when JSON would only copy the body string. */
function answer(result) {
  if (
    result !== null &&
    typeof result === 'object' &&
    typeof result.body === 'string' &&
    Object.getPrototypeOf(result) === Object.prototype &&
    !('toJSON' in result)
  ) {
    const { body, ...head } = result;
    return { ok: true, head: JSON.stringify(head), body };
  }
  return { ok: true, payload: JSON.stringify(result) ?? 'null' };
}

let invocations = 0;
parentPort.on('message', async ({ event, deadline }) => {
  invocations += 1;
  try {
    const handler = await handlerPromise;
    const context = {
      functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
      memoryLimitInMB: String(memorySize),
      awsRequestId: event?.requestContext?.requestId ?? String(invocations),
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    parentPort.postMessage(answer(await handler(event, context)));
  } catch (error) {
    parentPort.postMessage({ ok: false, error: describe(error) });
  }
});
