/* global process -- a plain Node script, run without the test environment */
// A fresh Lambda container in miniature, for cold-artifact.test.ts: imports the bundled handler module given as the
// first argument, answers the API Gateway event in COLD_EVENT, and prints the status, the body and the Node modules the
// process loaded (process.moduleLoadList) and how many threads it runs, as JSON. Plain JS and built-ins taken without ES imports, so that what is
// loaded is the artifact's doing.
const { readdirSync, writeSync } = process.getBuiltinModule('node:fs');
const { pathToFileURL } = process.getBuiltinModule('node:url');

const { handler } = await import(pathToFileURL(process.argv[2]).href);
const result = await handler(JSON.parse(process.env.COLD_EVENT));
// The process's threads (Linux): libuv's pool, started by the first asynchronous file call, adds four
const threads = readdirSync('/proc/self/task').length;
writeSync(1, JSON.stringify({ status: result.statusCode, body: result.body, loaded: process.moduleLoadList, threads }));
process.exit(0);
