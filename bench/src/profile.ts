/**
 * @module `pnpm run profile` (in bench/): where the time goes when a target is missed. CPU-profiles one
 * cold start of each Lambda artifact, and the local system (gateway + function worker threads) under
 * `tools/list` load, and prints self time by package and by function. Profiles stay in the printed
 * directory for Chrome DevTools.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wiki } from '@wikibot/wiki-core';
import { readArtifact, unpackedHandlerModule } from './artifacts.js';
import { coldTargets, profileColdStart } from './cold-start.js';
import { renderProfile, summarizeProfiles } from './cpu-profile.js';
import { runLoad } from './load.js';
import { startSignedInSystem } from './signed-in-system.js';
import { mcpLoadRequest, WARM_REQUESTS } from './warm-mcp.js';

const out = mkdtempSync(join(tmpdir(), 'wikibot-profile-'));
const seconds = Number(process.env.PROFILE_SECONDS ?? 5);

const modules = {
  mcp: await unpackedHandlerModule(readArtifact('mcp')),
  wiki: await unpackedHandlerModule(readArtifact('wiki')),
};
const dataDir = join(out, 'cold-wiki');
await Wiki.open({ dir: dataDir });
for (const target of coldTargets(modules, dataDir)) {
  const dir = join(out, `cold-${target.name}`);
  mkdirSync(dir, { recursive: true });
  const ms = await profileColdStart(target, dir);
  process.stdout.write(`\n== cold start ${target.name}: ${ms.toFixed(0)} ms (under the profiler)\n`);
  for (const s of summarizeProfiles(dir)) process.stdout.write(`${renderProfile(s)}\n`);
}

const warmDir = join(out, 'warm');
mkdirSync(warmDir, { recursive: true });
const system = await startSignedInSystem({ dataDir: join(out, 'system', 'wiki'), stateDir: join(out, 'system') }, [
  '--cpu-prof',
  `--cpu-prof-dir=${warmDir}`,
]);
try {
  const request = mcpLoadRequest(system.mcpUrl, system.token, WARM_REQUESTS['tools/list']());
  await runLoad(request, 1);
  const load = await runLoad(request, seconds);
  process.stdout.write(
    `\n== tools/list through the gateway, 16 connections, ${seconds} s: ${load.rps.toFixed(0)} req/s, p50 ${load.p50Ms} ms\n`,
  );
} finally {
  await system.close();
}
for (const s of summarizeProfiles(warmDir)) process.stdout.write(`${renderProfile(s)}\n`);
process.stdout.write(`\nprofiles kept in ${out}\n`);
