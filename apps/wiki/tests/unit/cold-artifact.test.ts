/**
 * What the built Lambda artifact loads on a cold page view: src/handler.ts bundled as `npm run build` bundles it,
 * then one `GET` in a fresh node. The cold-path test checks the sources under tsx, which itself loads node:crypto;
 * this one sees Node's own modules as Lambda would.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApiGatewayV2Event } from '@wikibot/lambda-http';
import { bundleLambda } from '@wikibot/tooling/bundle-lambda';
import { Wiki } from '@wikibot/wiki-core';

const run = promisify(execFile);
const APP = join(import.meta.dirname, '../..');

describe('what the bundled wiki loads on a cold page view', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wikibot-cold-artifact-'));
    const wiki = await Wiki.open({ dir: join(dir, 'wiki') });
    await wiki.writePage('Plain', '# Plain\n\nJust [[Home|words]].\n', {
      author: { name: 'A', email: 'a@example.com' },
    });
    await wiki.flush();
    await bundleLambda({ entry: 'src/handler.ts', outdir: join(dir, 'dist'), cwd: APP });
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('answers GET /Plain without loading node:crypto (a page view derives, hashes and encrypts nothing)', async () => {
    // Act
    const event = createApiGatewayV2Event({ method: 'GET', url: '/Plain', headers: { host: 'wiki.example.com' } });
    const { stdout } = await run(
      process.execPath,
      [join(APP, 'tests/helpers/cold-artifact-child.mjs'), join(dir, 'dist/index.mjs')],
      {
        env: {
          PATH: process.env.PATH,
          COLD_EVENT: JSON.stringify(event),
          PUBLIC_ORIGIN: 'https://wiki.example.com',
          AUTHKIT_DOMAIN: 'https://example.authkit.app',
          ACCESS_POLICY: '{"writers":["@example.com"]}',
          WIKI_DATA_DIR: join(dir, 'wiki'),
          WIKI_READ_ACCESS: 'public',
          SESSION_SECRET: 'cold-artifact-session-secret-0123456789abcdef',
        },
      },
    );
    const { status, loaded } = JSON.parse(stdout) as { status: number; loaded: string[] };
    // Assess: the page was read from git (zlib) and answered, and neither crypto nor Node's fetch classes loaded
    expect(status).toBe(200);
    expect(loaded).toContain('NativeModule zlib');
    expect(loaded.filter((module) => /crypto|undici/.test(module))).toEqual([]);
  });
});
