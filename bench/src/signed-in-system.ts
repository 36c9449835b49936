/**
 * @module A local system in its own process with a user signed in through its stand-in AuthKit: what
 * the bench loads and what each soak writer talks to.
 */
import { getAccessToken } from './auth/access-token.js';
import { callTool } from './mcp-rpc.js';
import { freePort, spawnLocalSystem } from './system-process.js';

/** The user every bench and soak request acts as. */
export const BENCH_USER = { email: 'bench@example.com', name: 'Bench User' };

/** A running, signed-in local system. */
export interface SignedInSystem {
  readonly url: string;
  readonly mcpUrl: string;
  readonly issuer: string;
  readonly dataDir: string;
  /** Pid of the process running gateway, stand-in and function workers. */
  readonly pid: number;
  /** A bearer access token for `mcpUrl`. */
  readonly token: string;
  /** Writes a page through MCP `write_note`; throws with the tool's text when refused. */
  seed(path: string, content: string): Promise<void>;
  stderr(): string;
  close(): Promise<void>;
}

/**
 * Starts a local system on free loopback ports and signs {@link BENCH_USER} in; `nodeArgs` go to its node (e.g.
 * `--cpu-prof`).
 */
export async function startSignedInSystem(
  options: { dataDir: string; stateDir: string },
  nodeArgs: string[] = [],
): Promise<SignedInSystem> {
  const ports = { port: await freePort(), authPort: await freePort() };
  const system = await spawnLocalSystem(
    {
      ...ports,
      dataDir: options.dataDir,
      stateDir: options.stateDir,
      autoLoginEmail: BENCH_USER.email,
      // The memory target is the functions' and the gateway's; the Bedrock stand-in stands in for an AWS service
      // and its model (~150 MB) would dwarf them. Semantic search is measured apart (src/semantic/).
      semanticSearch: false,
    },
    {},
    nodeArgs,
  );
  try {
    const token = await getAccessToken(system.mcpUrl, BENCH_USER);
    return {
      url: system.url,
      mcpUrl: system.mcpUrl,
      issuer: system.issuer,
      dataDir: options.dataDir,
      pid: system.pid,
      token,
      stderr: system.stderr,
      close: system.close,
      async seed(path, content) {
        const outcome = await callTool(system.mcpUrl, token, 'write_note', {
          path,
          content,
          commit_message: 'bench seed',
        });
        if (outcome.isError) throw new Error(`write_note ${path} refused: ${outcome.text}`);
      },
    };
  } catch (error) {
    await system.close();
    throw error;
  }
}
