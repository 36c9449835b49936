/**
 * One Lambda execution environment inside a worker thread: imports the unpacked handler module once,
 * then answers invocations one at a time. Results travel JSON-serialized, as Lambda returns them.
 * Plain JavaScript so it runs the same under tsx, jest and node.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const { entry, handlerName, functionName, memorySize } = workerData;
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

parentPort.on('message', async ({ id, event, deadline }) => {
  try {
    const handler = await handlerPromise;
    const context = {
      functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
      memoryLimitInMB: String(memorySize),
      awsRequestId: event?.requestContext?.requestId ?? String(id),
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    const result = await handler(event, context);
    parentPort.postMessage({ id, ok: true, payload: JSON.stringify(result) ?? 'null' });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: describe(error) });
  }
});
