// One warm Lambda container in miniature: imports the handler from the unpacked zip once, then calls it
// directly with prepared API Gateway v2 events, timing each call. Runs in its own process so the
// handler's environment and its per-request log lines stay out of the bench's own. Writes
// {name: [ms, ...]} as JSON to the file named in argv[3].
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const { handler } = await import(pathToFileURL(process.argv[2]).href);
const { events, iterations, warmup } = JSON.parse(process.env.BENCH_EVENTS);
const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 30_000 };
const out = {};
for (const [name, event] of Object.entries(events)) {
  const statuses = new Set();
  for (let i = 0; i < warmup; i++) statuses.add((await handler(event, context)).statusCode);
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const result = await handler(event, context);
    samples.push(performance.now() - start);
    statuses.add(result.statusCode);
  }
  out[name] = { samples, statuses: [...statuses] };
}
writeFileSync(process.argv[3], JSON.stringify(out));
process.exit(0);
