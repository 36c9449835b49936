import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Wiki } from '@wikibot/wiki-core';

const run = promisify(execFile);
/** What a page view without frontmatter or code needs none of: parsers, sign-in and REST, AWS and WorkOS. */
const HEAVY = [
  '/node_modules/yaml/',
  '/node_modules/highlight.js/',
  '/node_modules/openid-client/',
  '/node_modules/jose/',
  '/node_modules/@workos-inc/',
  '/node_modules/aws4fetch/',
  '/packages/identity/',
  '/src/api/',
];

describe('what a cold page view loads', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wikibot-cold-path-'));
    const wiki = await Wiki.open({ dir: join(dir, 'wiki') });
    const author = { name: 'Cold Path', email: 'cold@example.com' };
    await wiki.writePage('Plain', '# Plain\n\nJust [[Home|words]].\n', { author });
    await wiki.writePage('Front', '---\ntitle: With frontmatter\n---\nBody.\n', { author });
    await wiki.writePage('Code', '# Code\n\n```js\nconst x = 1;\n```\n', { author });
    await wiki.flush(); // the page index cache on disk, as a running system leaves it
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Serves `GET path` as a fresh Lambda container's first request; returns the heavy packages it loaded. */
  async function loadedBy(path: string): Promise<string[]> {
    const log = join(dir, `${path.slice(1)}.log`);
    await run(
      process.execPath,
      ['--import', 'tsx', '--import', '@wikibot/tooling/load-recorder', 'tests/helpers/cold-path.ts', path],
      {
        cwd: join(import.meta.dirname, '../..'),
        env: {
          PATH: process.env.PATH,
          NODE_OPTIONS: '',
          LOAD_LOG: log,
          PUBLIC_ORIGIN: 'https://wiki.example.com',
          AUTHKIT_DOMAIN: 'https://example.authkit.app',
          ACCESS_POLICY: '{"writers":["@example.com"]}',
          WIKI_DATA_DIR: join(dir, 'wiki'),
          WIKI_READ_ACCESS: 'public',
          SESSION_SECRET: 'cold-path-session-secret-0123456789abcdef',
        },
      },
    );
    const urls = (await readFile(log, 'utf8')).split('\n');
    return HEAVY.filter((heavy) => urls.some((url) => url.includes(heavy)));
  }

  it('shows a page without frontmatter or code loading none of them', async () => {
    expect(await loadedBy('/Plain')).toEqual([]);
  });

  it('loads the YAML parser for a page with frontmatter, and nothing else heavy', async () => {
    expect(await loadedBy('/Front')).toEqual(['/node_modules/yaml/']);
  });

  it('loads highlight.js for a page with a fenced code block, and nothing else heavy', async () => {
    expect(await loadedBy('/Code')).toEqual(['/node_modules/highlight.js/']);
  });
});
