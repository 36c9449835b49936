// A fresh Lambda container in miniature: load the handler module from the unpacked zip, answer the one
// API Gateway v2 event in BENCH_EVENT, print the status code and the process's CPU time, and exit. Plain JS
// so nothing but the artifact is loaded.
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const { handler } = await import(pathToFileURL(process.argv[2]).href);
const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 30_000 };
const result = await handler(JSON.parse(process.env.BENCH_EVENT), context);
// CPU time of every thread since exec (getrusage); written with writeSync so the harness creates no stream.
const cpu = process.cpuUsage();
// The handler may log to stdout itself; the status goes on a line of its own.
writeSync(1, `\nBENCH_STATUS ${result?.statusCode}\nBENCH_CPU_MS ${(cpu.user + cpu.system) / 1000}\n`);
process.exit(0);
