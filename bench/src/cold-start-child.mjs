// A fresh Lambda container in miniature: load the handler module from the unpacked zip, answer the one
// API Gateway v2 event in BENCH_EVENT, print the status code and exit. Plain JS so nothing but the
// artifact is loaded.
import { pathToFileURL } from 'node:url';

const { handler } = await import(pathToFileURL(process.argv[2]).href);
const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 30_000 };
const result = await handler(JSON.parse(process.env.BENCH_EVENT), context);
// The handler may log to stdout itself; the status goes on a line of its own.
process.stdout.write(`\nBENCH_STATUS ${result?.statusCode}\n`);
process.exit(0);
