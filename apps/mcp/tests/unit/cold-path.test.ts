import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tempDir } from '../helpers/env.js';

const run = promisify(execFile);
const HEAVY = ['@modelcontextprotocol/sdk', '/packages/wiki-core/', '/packages/wiki-render/', 'aws4fetch'];
/** Node's bundled fetch implementation: ~40 ms of a cold start when it is evaluated (see @wikibot/lambda-http). */
const UNDICI = 'node:internal/deps/undici/undici';

describe('what a cold start loads', () => {
  let temp: { dir: string; remove: () => Promise<void> };
  beforeAll(async () => {
    temp = await tempDir();
  });
  afterAll(() => temp.remove());

  /** Runs one first request through the Lambda entry in a fresh Node process; returns every module it loaded. */
  async function modulesLoadedBy(kind: string): Promise<string[]> {
    const log = join(temp.dir, `${kind}.log`);
    await run(
      process.execPath,
      ['--import', 'tsx', '--import', '@wikibot/tooling/load-recorder', 'tests/helpers/cold-path.ts', kind],
      {
        cwd: join(import.meta.dirname, '../..'),
        env: {
          PATH: process.env.PATH,
          NODE_OPTIONS: '',
          LOAD_LOG: log,
          PUBLIC_ORIGIN: 'https://wiki.example.com',
          AUTHKIT_DOMAIN: 'https://example.authkit.app',
          ACCESS_POLICY: '{"writers":["@example.com"]}',
          WIKI_DATA_DIR: join(temp.dir, 'wiki'),
          MCP_API_KEY: 'cold-path-key',
        },
      },
    );
    return (await readFile(log, 'utf8')).split('\n');
  }

  /** The heavy packages one first request loads. */
  async function loadedBy(kind: string): Promise<string[]> {
    const urls = await modulesLoadedBy(kind);
    return HEAVY.filter((heavy) => urls.some((url) => url.includes(heavy)));
  }

  it('answers the protected-resource metadata without loading Node’s fetch classes (undici)', async () => {
    // Act
    const loaded = await modulesLoadedBy('prm');
    // Assess
    expect(loaded).toContain('node:internal/url');
    expect(loaded).not.toContain(UNDICI);
  });

  it('still serves initialize, whose answer comes from the MCP SDK’s transport on Node’s classes', async () => {
    expect(await modulesLoadedBy('initialize')).toContain(UNDICI);
  });

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
