#!/usr/bin/env node
/**
 * Cold-start benchmark of the built wiki Lambda: each run is a fresh `node` process that imports
 * `index.mjs` from the unzipped bundle and answers one anonymous `GET /Home` (API Gateway payload 2.0),
 * interleaved with bare `node -e 0` runs. Prints medians and the ratio. Not a test: timing only.
 *
 * usage: node scripts/cold-start.mjs [zip[,zip…]] [runs]      (default: dist/lambda.zip, 11 runs)
 *        node scripts/cold-start.mjs <zip> 1 --cpu-prof <dir>   (one profiled run instead)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const zips = (process.argv[2] ?? 'dist/lambda.zip').split(',').map((z) => resolve(z));
const runs = Number(process.argv[3] ?? 11);
const profileDir = process.argv[4] === '--cpu-prof' ? resolve(process.argv[5] ?? 'cpu-prof') : undefined;

const dir = mkdtempSync(join(tmpdir(), 'wiki-cold-start-'));
const data = join(dir, 'data');
mkdirSync(data);
execFileSync('git', ['init', '-q', '-b', 'master', data]);
writeFileSync(join(data, 'home.md'), '# Home\n\nHello [[Other]] and **bold**.\n\n- a\n- b\n');
execFileSync('git', ['-C', data, 'add', '.']);
execFileSync('git', [
  '-C',
  data,
  '-c',
  'user.name=bench',
  '-c',
  'user.email=bench@example.com',
  'commit',
  '-qm',
  'init',
]);

const env = {
  PATH: process.env.PATH,
  PUBLIC_ORIGIN: 'http://localhost:8787',
  AUTHKIT_DOMAIN: 'http://127.0.0.1:8788',
  ACCESS_POLICY: '{"writers":["*"]}',
  WIKI_DATA_DIR: data,
  AUTHKIT_CLIENT_ID: 'wiki',
  SESSION_SECRET: 'cold-start-benchmark-session-secret-0123456789',
  MCP_API_KEY: 'x',
};
// The shape of @wikibot/lambda-http's createApiGatewayV2Event for an anonymous GET /Home.
const now = new Date();
const event = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/Home',
  rawQueryString: '',
  headers: { host: 'localhost:8787', accept: 'text/html' },
  requestContext: {
    accountId: 'anonymous',
    apiId: 'local',
    domainName: 'localhost:8787',
    domainPrefix: 'localhost:8787',
    http: { method: 'GET', path: '/Home', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: '' },
    requestId: 'cold-start',
    routeKey: '$default',
    stage: '$default',
    time: now.toISOString(),
    timeEpoch: now.getTime(),
  },
  isBase64Encoded: false,
};

const scripts = zips.map((zip, i) => {
  const fn = join(dir, `fn${i}`);
  execFileSync('unzip', ['-q', zip, '-d', fn]);
  const script = join(dir, `run${i}.mjs`);
  writeFileSync(
    script,
    `const { handler } = await import(${JSON.stringify(join(fn, 'index.mjs'))});
const r = await handler(${JSON.stringify(event)}, {});
if (r.statusCode !== 200 || !r.body.includes('Hello')) throw new Error('unexpected answer ' + r.statusCode);
`,
  );
  return script;
});

const time = (args) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

try {
  if (profileDir) {
    time(['--cpu-prof', '--cpu-prof-dir', profileDir, scripts[0]]);
    console.log(`profile written to ${profileDir}`);
  } else {
    scripts.forEach((s) => time([s])); // warm the file cache
    const base = [];
    const samples = scripts.map(() => []);
    for (let r = 0; r < runs; r++) {
      base.push(time(['-e', '0']));
      scripts.forEach((s, i) => samples[i].push(time([s])));
    }
    console.log(`node -e 0: median ${median(base).toFixed(1)} ms (${runs} interleaved runs)`);
    zips.forEach((zip, i) => {
      const m = median(samples[i]);
      console.log(`GET /Home cold (${zip}): median ${m.toFixed(1)} ms = ${(m / median(base)).toFixed(2)}× node -e 0`);
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
