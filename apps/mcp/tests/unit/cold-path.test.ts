import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tempDir } from '../helpers/env.js';

const run = promisify(execFile);
const HEAVY = ['@modelcontextprotocol/sdk', '/packages/wiki-core/', '@workos-inc/node', 'aws4fetch'];

describe('what a cold start loads', () => {
  let temp: { dir: string; remove: () => Promise<void> };
  beforeAll(async () => {
    temp = await tempDir();
  });
  afterAll(() => temp.remove());

  /** Runs one first request in a fresh Node process and returns the packages it loaded. */
  async function loadedBy(kind: string): Promise<string[]> {
    const log = join(temp.dir, `${kind}.log`);
    await run(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        '@wikibot/tooling/load-recorder',
        'tests/helpers/cold-path.ts',
        kind,
        join(temp.dir, 'wiki'),
      ],
      {
        cwd: join(import.meta.dirname, '../..'),
        env: { ...process.env, NODE_OPTIONS: '', LOAD_LOG: log },
      },
    );
    const urls = (await readFile(log, 'utf8')).split('\n');
    return HEAVY.filter((heavy) => urls.some((url) => url.includes(heavy)));
  }

  it('answers the protected-resource metadata without loading the MCP SDK, wiki-core, WorkOS or the AWS signer', async () => {
    expect(await loadedBy('prm')).toEqual([]);
  });

  it('loads the MCP SDK, but not the wiki, for initialize', async () => {
    expect(await loadedBy('initialize')).toEqual(['@modelcontextprotocol/sdk']);
  });

  it('loads the wiki for a tool call', async () => {
    expect(await loadedBy('tool')).toEqual(
      expect.arrayContaining(['@modelcontextprotocol/sdk', '/packages/wiki-core/']),
    );
  });
});
