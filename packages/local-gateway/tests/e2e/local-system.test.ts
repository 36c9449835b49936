import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { localStateDir, startLocalSystem } from '../../src/index.js';
import { initializeRequest, mcpAccessToken, startTestSystem, type TestSystem } from '../helpers/local-system.js';

const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];

/** Runs `src/start.ts` as `npm start` does and resolves once it has printed where it is. */
function startCli(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/start.ts'], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', () => {
      if (output.includes('Ctrl-C stops everything')) resolve({ child, output: () => output, exited });
    });
    void exited.then((code) => reject(new Error(`start.ts exited with ${code}:\n${output}`)));
  });
}

describe('npm start (src/start.ts)', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'wikibot-start-'));
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(root, { recursive: true, force: true });
  });

  it('prints the wiki and MCP URLs and how to connect, serves them, stops on SIGTERM, and reuses the data on the next start', async () => {
    // Prepare
    const env = { PORT: '0', AUTH_PORT: '0', WIKI_DATA_DIR: join(root, 'wiki'), XDG_STATE_HOME: join(root, 'state') };
    const secretsFile = join(localStateDir(env.WIKI_DATA_DIR, env), 'local-secrets.json');

    // Act: first start
    const first = await startCli(env);
    const wikiUrl = /Wiki\s+(http:\/\/localhost:\d+)\/Home/.exec(first.output())?.[1] as string;
    const home = await fetch(`${wikiUrl}/Home`);
    first.child.kill('SIGTERM');
    const firstExit = await first.exited;
    const commitsAfterFirst = execFileSync('git', ['rev-list', '--all'], { cwd: env.WIKI_DATA_DIR, encoding: 'utf8' });
    const secrets = await readFile(secretsFile, 'utf8');

    // Act: second start on the same data
    const second = await startCli(env);
    second.child.kill('SIGINT');
    const secondExit = await second.exited;

    // Assess
    expect(first.output()).toMatch(/MCP\s+http:\/\/localhost:\d+\/mcp/);
    expect(first.output()).toContain('npm run inspector');
    expect(first.output()).toMatch(/Wiki\s+http:\/\/localhost:\d+\/Home\n/);
    expect(first.output()).toMatch(/claude mcp add --transport http wikibot http:\/\/localhost:\d+\/mcp/);
    expect(home.status).toBe(200);
    expect(firstExit).toBe(0);
    expect(secondExit).toBe(0);
    expect(execFileSync('git', ['rev-list', '--all'], { cwd: env.WIKI_DATA_DIR, encoding: 'utf8' })).toBe(
      commitsAfterFirst,
    );
    expect(await readFile(secretsFile, 'utf8')).toBe(secrets);
  }, 120_000);
});

describe('two instances sharing one data directory', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'wikibot-shared-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("see each other's writes, as two Lambda instances on one EFS do", async () => {
    // Prepare
    const dataDir = join(root, 'wiki');
    const a = await startLocalSystem({ port: 0, authPort: 0, dataDir, stateDir: root });
    const b = await startLocalSystem({ port: 0, authPort: 0, dataDir, stateDir: root });
    try {
      const client = new Client({ name: 'shared-dir-e2e', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(a.mcpUrl), {
          requestInit: { headers: { authorization: `Bearer ${a.mcpApiKey}` } },
        }),
      );

      // Act
      const written = await client.callTool({
        name: 'write_note',
        arguments: { path: 'Shared', content: 'written through instance A' },
      });
      await client.close();
      const readThroughB = await fetch(`${b.url}/api/v1/pages/Shared`);

      // Assess
      expect(a.port).not.toBe(b.port);
      expect(b.mcpApiKey).toBe(a.mcpApiKey);
      expect(written.isError).toBeFalsy();
      expect(readThroughB.status).toBe(200);
      expect(JSON.stringify(await readThroughB.json())).toContain('written through instance A');
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);
});

describe('a narrowed local access policy', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({ accessPolicy: { writers: ['@allowed.example'], contact: 'the wiki owner' } });
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  it('refuses a signed-in user outside it with 403 and admits one inside it', async () => {
    // Prepare
    const outsider = await mcpAccessToken(system.local, { email: 'mallory@example.com', name: 'Mallory' });
    const insider = await mcpAccessToken(system.local, { email: 'alice@allowed.example', name: 'Alice' });

    // Act
    const refused = await fetch(system.local.mcpUrl, initializeRequest(outsider));
    const admitted = await fetch(system.local.mcpUrl, initializeRequest(insider));

    // Assess
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('the wiki owner');
    expect(admitted.status).toBe(200);
  });
});

describe('an access policy naming a WorkOS organization', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({
      accessPolicy: { organization: { id: 'org_01LOCALTEAM', access: 'write' } },
      organizations: { org_01LOCALTEAM: ['member@corp.example'] },
    });
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  it('admits members, looked up through the WorkOS API fake, and refuses others', async () => {
    // Prepare
    const member = await mcpAccessToken(system.local, { email: 'member@corp.example', name: 'Member' });
    const stranger = await mcpAccessToken(system.local, { email: 'stranger@corp.example', name: 'Stranger' });

    // Act
    const admitted = await fetch(system.local.mcpUrl, initializeRequest(member));
    const refused = await fetch(system.local.mcpUrl, initializeRequest(stranger));

    // Assess
    expect(admitted.status).toBe(200);
    expect(refused.status).toBe(403);
  });
});
