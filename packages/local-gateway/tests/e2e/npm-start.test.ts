import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupAlive, killGroup, npmStart, type NpmStart } from '../helpers/npm-start.js';

/** How long stopping may take, from the signal until every process `npm start` started is gone. */
const STOP_LIMIT_MS = 5000;
const READY = 'Ctrl-C stops everything';

let root: string;
let env: Record<string, string>;
const started: NpmStart[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'wikibot-npm-start-'));
  env = { PORT: '0', AUTH_PORT: '0', WIKI_DATA_DIR: join(root, 'wiki'), XDG_STATE_HOME: join(root, 'state') };
});
afterEach(() => {
  for (const run of started.splice(0)) killGroup(run.child.pid);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function start(extra: Record<string, string> = {}): NpmStart {
  const run = npmStart({ ...env, ...extra });
  started.push(run);
  return run;
}

/** The gateway's and the stand-in's ports from the banner. */
function ports(output: string): number[] {
  return [/Wiki\s+http:\/\/localhost:(\d+)\/Home/, /AuthKit\s+http:\/\/127\.0\.0\.1:(\d+)/].map((re) =>
    Number(re.exec(output)?.[1]),
  );
}

/** Resolves with the time until no process of the group is left (or the limit, doubled, passes). */
async function gone(pid: number): Promise<number> {
  const since = Date.now();
  while (groupAlive(pid) && Date.now() - since < 2 * STOP_LIMIT_MS)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return Date.now() - since;
}

async function refused(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`).then(
    () => false,
    () => true,
  );
}

describe('npm start, the real command', () => {
  it('refuses a wrong setting before installing or building anything, naming the variable (exit 2)', async () => {
    // Act
    const badPort = start({ PORT: 'eighty' });
    const samePorts = start({ PORT: '9300', AUTH_PORT: '9300' });
    const [bad, same] = await Promise.all([badPort.exited, samePorts.exited]);

    // Assess
    expect(bad.code).toBe(2);
    expect(badPort.output()).toContain('PORT=eighty is not a port number');
    expect(badPort.output()).not.toContain('dependencies');
    expect(same.code).toBe(2);
    expect(samePorts.output()).toContain('PORT and AUTH_PORT are both 9300');
    expect(samePorts.output()).not.toMatch(/ERR_PNPM|ELIFECYCLE/);
  }, 60_000);

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'stops the gateway, the stand-in and the workers on %s within 5 s and exits 0',
    async (signal) => {
      // Prepare
      const run = start();
      const output = await run.printed(READY);
      const [port, authPort] = ports(output);
      // A wikibot in use: its functions are warm, so it is recognised at once.
      await fetch(`http://127.0.0.1:${port}/-/healthz`);
      await fetch(`http://127.0.0.1:${port}/.well-known/oauth-protected-resource/mcp`);
      const second = start({ PORT: String(port) });
      const secondExit = await second.exited;

      // Act
      const sent = Date.now();
      process.kill(run.child.pid!, signal);
      const exit = await run.exited;
      const stoppedAfter = Date.now() - sent + (await gone(run.child.pid!));

      // Assess
      expect(secondExit.code).toBe(2);
      expect(second.output()).toContain(`PORT ${port} is taken by a wikibot that is already running`);
      expect(output).not.toContain('Unsupported runtime');
      expect(output).toMatch(/• checking the settings… \d+\.\d s/);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(stoppedAfter).toBeLessThan(STOP_LIMIT_MS);
      expect(run.output()).toContain(`stopped (${signal})`);
      expect(await refused(port)).toBe(true);
      expect(await refused(authPort)).toBe(true);
    },
    480_000,
  );

  it('stops in the middle of the build on SIGINT, with exit 0 and nothing left running, and starts nothing', async () => {
    // Prepare: synth is never cached, so the build step lasts a few seconds
    const run = start();
    await run.printed('• building');

    // Act
    process.kill(run.child.pid!, 'SIGINT');
    const exit = await run.exited;
    const stoppedAfter = await gone(run.child.pid!);

    // Assess
    expect(exit).toEqual({ code: 0, signal: null });
    expect(run.output()).toMatch(/stopped \(SIGINT\) after \d+\.\d s/);
    expect(run.output()).not.toContain('starting the gateway');
    expect(stoppedAfter).toBeLessThan(STOP_LIMIT_MS);
  }, 120_000);

  it('stops everything within 5 s when npm is hung up (npm dies of SIGHUP without passing it on)', async () => {
    // Prepare
    const run = start();
    const [port, authPort] = ports(await run.printed(READY));

    // Act
    process.kill(run.child.pid!, 'SIGHUP');
    const exit = await run.exited;
    const stoppedAfter = await gone(run.child.pid!);

    // Assess
    expect(exit.signal).toBe('SIGHUP');
    expect(stoppedAfter).toBeLessThan(STOP_LIMIT_MS);
    expect(await refused(port)).toBe(true);
    expect(await refused(authPort)).toBe(true);
  }, 480_000);
});
