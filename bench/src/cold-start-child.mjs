// A fresh Lambda container in miniature: load the handler module from the unpacked zip, answer the one
// API Gateway v2 event in BENCH_EVENT, print the status code and the process's CPU time, and exit. Plain JS
// so nothing but the artifact is loaded. Built-ins come from process.getBuiltinModule, not an ES import: Node builds
// an ES facade for an imported built-in by reading all its exports, and node:fs's lazy ReadStream getter then loads
// fs streams and node:stream (~3 ms of CPU) — the harness's cost, which a handler that avoids it would still pay here.
const { writeSync } = process.getBuiltinModule('node:fs');
const { pathToFileURL } = process.getBuiltinModule('node:url');

const { handler } = await import(pathToFileURL(process.argv[2]).href);
const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 30_000 };
const result = await handler(JSON.parse(process.env.BENCH_EVENT), context);
// CPU time of every thread since exec (getrusage); written with writeSync so the harness creates no stream.
const cpu = process.cpuUsage();
// The handler may log to stdout itself; the status goes on a line of its own.
writeSync(1, `\nBENCH_STATUS ${result?.statusCode}\nBENCH_CPU_MS ${(cpu.user + cpu.system) / 1000}\n`);
process.exit(0);
