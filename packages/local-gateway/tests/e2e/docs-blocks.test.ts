/**
 * Every runnable shell block of docs/local.md and docs/connect.md, run as written (the documented ports 8787 and
 * 8788 swapped for the ports of the local system this test starts) with the tools the documents name: the pinned
 * MCP Inspector through `npm run inspector`, mcp-remote, and Claude Code's `claude` (from the npm registry). A
 * block marked `<!-- docs-test: skip — reason -->` is reported skipped with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, startLocalSystem, type LocalSystem } from '../../src/index.js';
import { shellBlocks } from '../helpers/doc-blocks.js';

/** Claude Code as `claude mcp add` runs it; the documents assume it is installed. */
const CLAUDE_CODE = '@anthropic-ai/claude-code@2.1.332';
const DOCS = ['docs/local.md', 'docs/connect.md'];

const run = promisify(execFile);
let local: LocalSystem;
let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'wikibot-docs-'));
  local = await startLocalSystem({
    port: 0,
    authPort: 0,
    dataDir: join(root, 'wiki'),
    stateDir: join(root, 'state'),
    autoLoginEmail: 'ada@example.com',
  });
  const bin = join(root, 'bin');
  await run('mkdir', ['-p', bin, join(root, 'claude')]);
  await writeFile(join(bin, 'claude'), `#!/bin/sh\nexec npx --yes ${CLAUDE_CODE} "$@"\n`);
  await chmod(join(bin, 'claude'), 0o755);
  const { NODE_ENV: _jest, ...userEnv } = process.env;
  env = {
    ...userEnv,
    PATH: `${bin}:${process.env.PATH}`,
    MCP_API_KEY: local.mcpApiKey,
    CLAUDE_CONFIG_DIR: join(root, 'claude'),
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    MCP_AUTO_OPEN_ENABLED: 'false',
  };
}, 60_000);
afterAll(async () => {
  await local?.close();
  await rm(root, { recursive: true, force: true });
});

/** The block as run here: the documented ports replaced by this system's. */
function localized(text: string): string {
  const authPort = new URL(local.issuer).port;
  return text
    .replaceAll('localhost:8787', `localhost:${local.port}`)
    .replaceAll('127.0.0.1:8788', `127.0.0.1:${authPort}`)
    .replaceAll('localhost:8788', `localhost:${authPort}`);
}

for (const doc of DOCS) {
  describe(doc, () => {
    for (const block of shellBlocks(join(REPO_ROOT, doc))) {
      const title = `${doc}:${block.line}: ${block.text.split('\n')[0]}`;
      if (block.skip) {
        it.skip(`${title} — not run here: ${block.skip}`, () => {});
        continue;
      }
      it(`${title} runs as written`, async () => {
        // Act
        const result = await run('bash', ['-euo', 'pipefail', '-c', localized(block.text)], {
          cwd: REPO_ROOT,
          env,
          timeout: 240_000,
          maxBuffer: 16 * 1024 * 1024,
        }).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);

        // Assess
        expect({
          exit: 'code' in result ? (result.code ?? 0) : 0,
          output: `${result.stdout}${result.stderr}`,
        }).toMatchObject({ exit: 0 });
      }, 300_000);
    }
  });
}
