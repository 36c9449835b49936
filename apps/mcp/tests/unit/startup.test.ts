import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@wikibot/auth-config';
import { createApp } from '../../src/index.js';
import { tempDir, testConfig } from '../helpers/env.js';

describe('start-up', () => {
  it.each([
    ['a path', 'https://dev.wikibot.io/mcp'],
    ['a query', 'https://dev.wikibot.io?x=1'],
    ['plain http on a public host', 'http://dev.wikibot.io'],
  ])('refuses an origin with %s, saying what to set instead', (_name, origin) => {
    expect(() => createApp(testConfig('https://example.authkit.app', { PUBLIC_ORIGIN: origin }))).toThrow(ConfigError);
  });

  it('tells the operator the origin to set when it carries the MCP path', () => {
    expect(() => testConfig('https://example.authkit.app', { PUBLIC_ORIGIN: 'https://dev.wikibot.io/mcp' })).toThrow(
      'Set PUBLIC_ORIGIN=https://dev.wikibot.io',
    );
  });

  it('refuses an environment without an access policy', () => {
    expect(() => testConfig('https://example.authkit.app', { ACCESS_POLICY: undefined })).toThrow(/ACCESS_POLICY/);
  });

  it('refuses an organization policy without a WorkOS API key', () => {
    const config = testConfig('https://example.authkit.app', { ACCESS_POLICY: '{"organization":{"id":"org_123"}}' });
    expect(() => createApp(config)).toThrow(/WORKOS_API_KEY/);
  });

  it('answers a Lambda event with 500 and logs the setting to fix when the environment is misconfigured', async () => {
    // Prepare: the handler reads process.env on the first event, in a process of its own.
    const temp = await tempDir();
    const log = join(temp.dir, 'load.log');
    try {
      // Act
      const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/helpers/cold-path.ts', 'prm'], {
        cwd: join(import.meta.dirname, '../..'),
        env: {
          PATH: process.env.PATH,
          NODE_OPTIONS: '',
          LOAD_LOG: log,
          PUBLIC_ORIGIN: 'https://dev.wikibot.io/mcp',
          AUTHKIT_DOMAIN: 'https://example.authkit.app',
          ACCESS_POLICY: '{"writers":["@example.com"]}',
          WIKI_DATA_DIR: join(temp.dir, 'wiki'),
        },
      });
      // The helper exits 1 when the answer is not a 200; the rejection carries what the process wrote.
      const failed = await run.then(() => undefined).catch((error: { stdout: string }) => error);
      // Assess
      expect(await readFile(log, 'utf8')).toContain('status:500\n');
      expect(failed?.stdout).toContain('"level":"error"');
      expect(failed?.stdout).toContain('PUBLIC_ORIGIN');
    } finally {
      await temp.remove();
    }
  });
});
