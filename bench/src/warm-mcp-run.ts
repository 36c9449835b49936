/**
 * @module `pnpm run bench:mcp` (in bench/): only the warm MCP throughput and memory parts of `npm run bench`,
 * for iterating on the `tools/list` hot path on a shared machine: the handler called in-process, the local system
 * (gateway + function workers, auth on) against the MCP SDK's example server in alternated rounds, each round's ratio
 * printed as it comes, then the spread, the wiki view load (as the full bench runs it), the local system's peak RSS and
 * the machine's load average. `BENCH_ROUNDS` (default 7) and `BENCH_SECONDS` (default 5) size the run;
 * `BENCH_PROFILE=1` also CPU-profiles the local system's threads (gateway and function workers) and prints where their
 * time went. Writes nothing in the repository.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArtifact, unpackedHandlerModule } from './artifacts.js';
import { renderProfile, summarizeProfiles } from './cpu-profile.js';
import { handlerEnv } from './handler-env.js';
import { sampleTreeMemory, treeMemory } from './process-memory.js';
import { startSdkPeer } from './sdk-peer.js';
import { startSignedInSystem } from './signed-in-system.js';
import { measureHttp, measureInProcess, mcpEvent, WARM_REQUESTS } from './warm-mcp.js';
import { measureWikiView } from './wiki-load.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const profile = process.env.BENCH_PROFILE === '1';
const READ_PAGE = 'Bench/Read Me';

const cpu = (ms: number | undefined) => ms?.toFixed(3) ?? '?';
const print = (line: string) => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const workDir = mkdtempSync(join(tmpdir(), 'wikibot-bench-mcp-'));
const profileDir = join(workDir, 'profile');
if (profile) mkdirSync(profileDir);
print(`load average before: ${load()} (1, 5, 15 min)`);
try {
  const system = await startSignedInSystem(
    { dataDir: join(workDir, 'system', 'wiki'), stateDir: join(workDir, 'system') },
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const peer = await startSdkPeer();
  try {
    await system.seed(READ_PAGE, `# Read Me\n\nA page the bench reads. See [[Home]].\n`);
    const env = handlerEnv({ origin: system.url, issuer: system.issuer, dataDir: system.dataDir });
    const inProcess = await measureInProcess(
      await unpackedHandlerModule(readArtifact('mcp')),
      env,
      {
        'tools/list': mcpEvent(system.url, system.token, WARM_REQUESTS['tools/list']()),
        'tools/call read_note': mcpEvent(system.url, system.token, WARM_REQUESTS['tools/call read_note'](READ_PAGE)),
      },
      2000,
      100,
    );
    for (const [name, r] of Object.entries(inProcess))
      print(
        `in-process ${name}: p50 ${r.latency.p50.toFixed(3)} ms, p90 ${r.latency.p90.toFixed(3)} ms (${r.statuses})`,
      );
    const rest = treeMemory(system.pid);
    print(`memory before the load: RSS ${rest.rssMB.toFixed(0)} MB (peak so far ${rest.peakMB.toFixed(0)} MB)`);
    const memory = sampleTreeMemory(system.pid);
    const http = await measureHttp(
      { mcpUrl: system.mcpUrl, token: system.token, page: READ_PAGE, pid: system.pid },
      { mcpUrl: peer.mcpUrl, pid: peer.pid },
      rounds,
      seconds,
      (round, i) =>
        print(
          `round ${i + 1}: ours ${round.a.rps.toFixed(0)} req/s (p50 ${round.a.p50Ms} ms, ${round.a.failures} failed), ` +
            `SDK ${round.b.rps.toFixed(0)} req/s (p50 ${round.b.p50Ms} ms) → ${round.ratio.toFixed(2)}×; ` +
            `CPU per request ours ${cpu(round.a.cpuMsPerRequest)}, SDK ${cpu(round.b.cpuMsPerRequest)} ms ` +
            `→ ${round.cpuRatio?.toFixed(2) ?? '?'}× less  [load ${load()}]`,
        ),
    );
    // The full bench's memory figure also covers the wiki's load: run it too, so the peaks compare.
    const wiki = await measureWikiView(system.url, READ_PAGE, 20, seconds);
    const sampled = memory.stop();
    const { spread, ours, peer: sdk } = http.toolsList;
    print(
      `tools/list: ours ${ours.rps.toFixed(0)} req/s, SDK ${sdk.rps.toFixed(0)} req/s (medians); ` +
        `ratio per round median ${spread!.median.toFixed(2)}×, lower quartile ${spread!.p25.toFixed(2)}×, ` +
        `min ${spread!.min.toFixed(2)}×, max ${spread!.max.toFixed(2)}×`,
    );
    if (spread!.cpuMedian !== undefined)
      print(
        `CPU per request, SDK over ours: median ${spread!.cpuMedian.toFixed(2)}×, ` +
          `min ${Math.min(...spread!.cpuPerRound!).toFixed(2)}×, max ${Math.max(...spread!.cpuPerRound!).toFixed(2)}×`,
      );
    print(`read_note: ${http.readNote.rps.toFixed(0)} req/s, p50 ${http.readNote.p50Ms} ms`);
    print(`wiki view: ${wiki.load.rps.toFixed(0)} req/s`);
    const tree = treeMemory(system.pid);
    print(`memory: peak RSS (VmHWM) ${tree.peakMB.toFixed(0)} MB, largest sampled ${sampled.toFixed(0)} MB`);
  } finally {
    await peer.close();
    await system.close();
  }
  print(`load average after: ${load()}`);
  if (profile) for (const s of summarizeProfiles(profileDir, 25)) print(renderProfile(s));
} finally {
  if (!profile) rmSync(workDir, { recursive: true, force: true });
  else print(`profiles kept in ${profileDir}`);
}
